/**
 * Line starts of a text, for 1-based line/column (columns in UTF-16 code units). CRLF is one break.
 * A byte order mark opening the text is no column of its first line: editors do not show it.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = [text.charCodeAt(0) === BOM ? 1 : 0];
    // this runs once per screened text that has findings: native searches, not a loop in JS
    if (text.indexOf("\r") === -1 && text.indexOf("\u2028") === -1 && text.indexOf("\u2029") === -1) {
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
      return;
    }
    const breaks = /\r\n?|[\n\u2028\u2029]/g;
    for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) this.starts.push(breaks.lastIndex);
  }

  /** 1-based line of `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * 1-based line of `offset`, which lies on `line` or after it: a finding's end is nearly always on
   * the line of its start, found without a second search.
   */
  lineFrom(offset: number, line: number): number {
    const next = this.starts[line];
    return next === undefined || offset < next ? line : this.lineOf(offset);
  }

  /** 1-based column of `offset`, which lies on `line` (the byte order mark itself: column 1). */
  column(offset: number, line: number): number {
    return Math.max(1, offset - (this.starts[line - 1] as number) + 1);
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: this.column(offset, line) };
  }
}

const BOM = 0xfeff;
