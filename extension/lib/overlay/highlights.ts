import type { Finding } from "@shengao/core";

export interface PlacedFinding {
  finding: Finding;
  /** Rectangles of the finding's text in the top window's viewport. */
  rects: DOMRect[];
}

/**
 * The underlines of one editor: a fixed-position layer clipped to the editor's visible box, with one
 * absolutely positioned mark per text rectangle. Marks are recycled so scrolling only moves boxes.
 */
export class HighlightLayer {
  readonly layer: HTMLDivElement;
  /** What was drawn last: the findings and their rectangles not covered by the page. */
  placed: readonly PlacedFinding[] = [];
  private clip = new DOMRect();
  private active: Finding | undefined;

  constructor(root: ShadowRoot, editorId: number) {
    this.layer = root.ownerDocument.createElement("div");
    this.layer.className = "layer";
    this.layer.dataset.editor = String(editorId);
    root.append(this.layer);
  }

  render(placed: readonly PlacedFinding[], clip: DOMRect): void {
    this.placed = placed;
    this.clip = clip;
    const s = this.layer.style;
    s.left = `${clip.left}px`;
    s.top = `${clip.top}px`;
    s.width = `${clip.width}px`;
    s.height = `${clip.height}px`;
    const marks = this.layer.children;
    let n = 0;
    for (const { finding, rects } of placed) {
      for (const rect of rects) {
        let mark = marks[n] as HTMLDivElement | undefined;
        if (!mark) {
          mark = this.layer.ownerDocument.createElement("div");
          mark.className = "mark";
          this.layer.append(mark);
        }
        n++;
        mark.dataset.severity = finding.severity;
        mark.dataset.rule = finding.ruleId;
        mark.dataset.start = String(finding.start);
        mark.dataset.end = String(finding.end);
        mark.classList.toggle("active", finding === this.active);
        const m = mark.style;
        m.left = `${rect.left - clip.left}px`;
        m.top = `${rect.top - clip.top}px`;
        m.width = `${rect.width}px`;
        m.height = `${rect.height}px`;
      }
    }
    while (marks.length > n) marks[marks.length - 1]?.remove();
  }

  /** The finding under a point of the top viewport, if its text is visible there. */
  /** Every finding marked at the point, in the order drawn: overlapping ones (最好 in 全国最好) too. */
  hit(x: number, y: number): Finding[] {
    if (x < this.clip.left || x > this.clip.right || y < this.clip.top || y > this.clip.bottom) return [];
    return this.placed
      .filter(({ rects }) =>
        rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 2),
      )
      .map(({ finding }) => finding);
  }

  rectsOf(finding: Finding): DOMRect[] {
    return this.placed.find((p) => p.finding === finding)?.rects ?? [];
  }

  setActive(finding: Finding | undefined): void {
    this.active = finding;
    for (const mark of this.layer.children) {
      const m = mark as HTMLElement;
      m.classList.toggle(
        "active",
        finding !== undefined &&
          m.dataset.start === String(finding.start) &&
          m.dataset.rule === finding.ruleId,
      );
    }
  }

  remove(): void {
    this.layer.remove();
  }
}
