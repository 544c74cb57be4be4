import { isElement, isHTMLElement, isInput } from "../editors/nodeKinds";
import type { SiteProfile } from "../sites/profiles";

/**
 * A label that means "publish": it ends with the act (发布, 立即发表, 预览并发布, 群发, 提交), or
 * with the act and what is published (发表文章, 发布微博). A label that only begins with one of
 * these words means something else (发布会报名, 发送验证码, 按发布时间排序).
 */
const PUBLISH_LABEL =
  /(发布|发表|群发|提交|发送|投稿|publish|post|submit|send)( ?(?:到)?(?:文章|微博|动态|笔记|视频|小视频|图文|图集|稿件|内容|作品|回答|想法|评论|回复|帖子|问题|问答|博文|头条|微头条|专栏|专栏文章|审核|now|post|article|comment|reply|changes|message))?$/i;
/** What a button may show after its label: a menu arrow, a shortcut in brackets, a chevron. */
const DECORATION = /(\s*([(（][^)）]*[)）]|[▾▼»›>…]))+$/u;
/** English words only as whole words: Postpone is no post. */
const ENGLISH_ACT = /^[a-z]+$/i;
const NOT_PUBLISH_LABEL = /取消|撤回|撤销|草稿|cancel|draft|undo/i;
const MAX_LABEL_LENGTH = 24;
const CLICKABLE = "button, a, input[type=submit], input[type=button], [role=button]";
/** How far up from a click a styled clickable (a div or span with a pointer cursor) is looked for. */
const STYLED_DEPTH = 3;

/** The publish button a click landed on, or undefined when the click is anything else. */
export function publishButtonOf(
  target: EventTarget | null,
  profile: SiteProfile | undefined,
): Element | undefined {
  if (!isElement(target)) return undefined;
  for (const selector of profile?.publishSelectors ?? []) {
    const hit = target.closest(selector);
    // a site's publish control that says it saves a draft or cancels does not publish (now)
    if (hit) {
      const label = plainLabel(labelOf(hit));
      // a short label only: a long text (a tooltip, 发表后不可撤回) is no label saying so
      return label.length <= MAX_LABEL_LENGTH && NOT_PUBLISH_LABEL.test(label) ? undefined : hit;
    }
  }
  const clickable = target.closest(CLICKABLE) ?? styledClickable(target);
  if (!clickable) return undefined;
  return isPublishLabel(labelOf(clickable)) ? clickable : undefined;
}

/** Whether a button's label says it publishes. */
export function isPublishLabel(shown: string): boolean {
  const label = plainLabel(shown.replace(DECORATION, "").trim());
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH || NOT_PUBLISH_LABEL.test(label)) return false;
  const match = PUBLISH_LABEL.exec(label);
  if (!match) return false;
  // an English act must stand as a word of its own
  const before = label.charAt(match.index - 1);
  return !(ENGLISH_ACT.test(match[1] as string) && /[a-z]/i.test(before));
}

/**
 * The label as the act is matched: spaces between Chinese characters dropped (Ant Design writes a
 * two-character button 发 布), the traditional forms of the acts' characters made simplified (發佈).
 */
function plainLabel(label: string): string {
  return label
    .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, "")
    .replace(/發/g, "发")
    .replace(/佈/g, "布");
}

/** A div or span the page made clickable by style (many editors' toolbars are built so). */
function styledClickable(target: Element): Element | undefined {
  // the cursor is inherited: the button is the outermost of the pointer-styled elements around
  // the click (an icon inside it has the pointer too, but not the label)
  let found: Element | undefined;
  let el: Element | null = target;
  for (let depth = 0; el && depth <= STYLED_DEPTH; depth++, el = el.parentElement) {
    if (!isHTMLElement(el)) continue;
    if (el.ownerDocument.defaultView?.getComputedStyle(el).cursor !== "pointer") break;
    found = el;
  }
  return found;
}

function labelOf(element: Element): string {
  const value = isInput(element) ? element.value : "";
  const text =
    value || element.textContent || element.getAttribute("aria-label") || element.getAttribute("title") || "";
  return text.replace(/\s+/g, " ").trim();
}
