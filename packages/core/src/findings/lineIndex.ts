/** Line starts of a text, for 1-based line/column (columns in UTF-16 code units). CRLF is one break. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n that follows ends the line
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) this.starts.push(i + 1);
    }
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

  /** 1-based column of `offset`, which lies on `line`. */
  column(offset: number, line: number): number {
    return offset - (this.starts[line - 1] as number) + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: this.column(offset, line) };
  }
}
