// The page's own publish handler: records every click it receives, so a test can tell whether the
// extension held the click (none), let it through once, or left it untouched (trusted event).
window.publishClicks = [];
document.getElementById("publish").addEventListener("click", (event) => {
  window.publishClicks.push({ trusted: event.isTrusted });
  document.getElementById("published").textContent = String(window.publishClicks.length);
});

// Ctrl+Enter (⌘+Enter) in the page sends, as in Weibo's and many comment boxes: recorded apart,
// with the key's own keyup, which some pages send on. An editor in an iframe (UEditor) is listened
// to in its own document, where its keys go.
window.shortcutSends = [];
for (const doc of [document, document.getElementById("frame")?.contentDocument]) {
  for (const type of ["keydown", "keyup"]) {
    doc?.addEventListener(type, (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey))
        window.shortcutSends.push({ type, trusted: event.isTrusted, keyCode: event.keyCode });
    });
  }
}
