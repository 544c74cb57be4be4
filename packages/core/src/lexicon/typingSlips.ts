/**
 * Slips a reviewer makes typing YAML with a Chinese input method on, which the YAML parser reports
 * only by their consequences ("Implicit keys need to be on a single line", and three more lines of
 * errors after it): a full-width colon after a field name, a full-width space in the indentation,
 * a tab in it. Found in the source itself, they are named where they are, with the fix.
 */
export interface TypingSlip {
  /** offset of the slipped character in the source */
  at: number;
  message: string;
}

// a field name as packs spell them, then a full-width colon: `kind： term`, `- id：a`
const FULL_WIDTH_COLON = /^[ \t]*(?:-[ \t]+)?([A-Za-z][\w-]*)[ \t]*(：)/;
// white space other than the ASCII space before a line's text: 　 (U+3000), a no-break space, a tab
const ODD_INDENT = /^ *([\t\u00a0\u3000\u2000-\u200a\u202f\u205f])/;

export function typingSlips(source: string): TypingSlip[] {
  const slips: TypingSlip[] = [];
  let start = 0;
  for (const line of source.split("\n")) {
    const colon = FULL_WIDTH_COLON.exec(line);
    if (colon) {
      const key = colon[1] as string;
      slips.push({
        at: start + colon[0].length - 1,
        message: `「${key}」后面是全角冒号“：”，YAML 只认半角冒号：请改成“${key}: ”（冒号后空一格；切换到英文输入法再打）`,
      });
    }
    const indent = ODD_INDENT.exec(line);
    if (indent) {
      const char = indent[1] as string;
      const what = char === "\t" ? " Tab" : char === "\u3000" ? "全角空格" : "特殊空格";
      slips.push({
        at: start + indent[0].length - 1,
        message: `这一行的缩进里有${what}，YAML 缩进只认半角空格：请删掉这一行开头的空白，用空格重新对齐（每层两个空格）`,
      });
    }
    start += line.length + 1;
  }
  return slips;
}
