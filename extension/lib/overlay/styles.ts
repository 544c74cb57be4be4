/**
 * The overlay's styles, applied as a constructed stylesheet (not a <style> element and no data:
 * URLs, so strict page CSPs cannot block them). Wavy lines are drawn with gradients.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; overflow: hidden; pointer-events: none; }
.mark { position: absolute; pointer-events: none; }
.mark::after { content: ""; position: absolute; left: 0; right: 0; bottom: -2px; height: 3px; }
.mark[data-severity="error"]::after {
  background:
    linear-gradient(135deg, transparent 35%, #d93025 35% 65%, transparent 65%) 0 0 / 4px 3px repeat-x,
    linear-gradient(45deg, transparent 35%, #d93025 35% 65%, transparent 65%) 2px 0 / 4px 3px repeat-x;
}
.mark[data-severity="warning"]::after { border-bottom: 2px solid #f29900; height: 0; bottom: -1px; }
.mark[data-severity="info"]::after { border-bottom: 2px dotted #1a73e8; height: 0; bottom: -1px; }
.mark.active { background: rgba(255, 214, 0, 0.25); }
.card, .dialog {
  position: fixed; pointer-events: auto; box-sizing: border-box;
  font: 14px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: #202124; background: #fff; border: 1px solid #dadce0; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
}
.card { width: 320px; padding: 12px 14px; }
.card .head { display: flex; gap: 8px; align-items: center; font-size: 12px; color: #5f6368; margin-bottom: 6px; }
.badge { border-radius: 4px; padding: 0 6px; color: #fff; font-size: 12px; }
.badge[data-severity="error"] { background: #d93025; }
.badge[data-severity="warning"] { background: #e37400; }
.badge[data-severity="info"] { background: #1a73e8; }
.card .message { margin: 0 0 8px; }
.card .basis { font-size: 12px; color: #5f6368; margin: 0 0 8px; }
.card .hints { font-size: 13px; color: #188038; margin: 0 0 8px; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.card .others { display: flex; gap: 8px; align-items: center; margin-top: 8px; padding-top: 6px; border-top: 1px solid #e8eaed; font-size: 12px; color: #5f6368; }
button {
  font: inherit; font-size: 13px; cursor: pointer; border-radius: 4px; padding: 3px 10px;
  border: 1px solid #dadce0; background: #fff; color: #202124;
}
button.suggestion { border-color: #188038; color: #188038; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button:hover { filter: brightness(0.95); }
.card .close { margin-left: auto; border: 0; padding: 0 4px; color: #5f6368; }
.backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.3); pointer-events: auto; }
.dialog { left: 50%; top: min(20%, 120px); transform: translateX(-50%); width: min(400px, calc(100vw - 32px));
  max-height: calc(100vh - min(20vh, 120px) - 16px); overflow-y: auto; box-sizing: border-box; padding: 18px 20px; }
.dialog h2 { font-size: 16px; margin: 0 0 8px; }
.dialog ul { margin: 8px 0 14px; padding-left: 18px; max-height: 180px; overflow: auto; }
.dialog li { margin: 2px 0; }
.dialog .note { margin: 0 0 12px; font-size: 12px; color: #5f6368; }
.dialog .actions { display: flex; justify-content: flex-end; gap: 8px; }
`;
