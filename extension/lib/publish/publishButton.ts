import { isElement, isInput } from "../editors/nodeKinds";
import type { SiteProfile } from "../sites/profiles";

/** Labels that mean "publish" on a button; short labels only, so a paragraph mentioning 发布 is not one. */
const PUBLISH_LABEL = /发布|发表|群发|提交|发送|定时发表|publish|post|submit|send/i;
const NOT_PUBLISH_LABEL = /取消|撤回|草稿|预览|cancel|draft|preview/i;
const MAX_LABEL_LENGTH = 16;
const CLICKABLE = "button, a, input[type=submit], input[type=button], [role=button]";

/** The publish button a click landed on, or undefined when the click is anything else. */
export function publishButtonOf(
  target: EventTarget | null,
  profile: SiteProfile | undefined,
): Element | undefined {
  if (!isElement(target)) return undefined;
  for (const selector of profile?.publishSelectors ?? []) {
    const hit = target.closest(selector);
    if (hit) return hit;
  }
  const clickable = target.closest(CLICKABLE);
  if (!clickable) return undefined;
  const label = labelOf(clickable);
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return undefined;
  return PUBLISH_LABEL.test(label) && !NOT_PUBLISH_LABEL.test(label) ? clickable : undefined;
}

function labelOf(element: Element): string {
  const value = isInput(element) ? element.value : "";
  const text =
    value || element.textContent || element.getAttribute("aria-label") || element.getAttribute("title") || "";
  return text.replace(/\s+/g, " ").trim();
}
