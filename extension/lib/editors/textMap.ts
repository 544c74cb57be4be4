/**
 * The text of a contenteditable as the findings see it, built from its text nodes, with a map from
 * text offsets back to (node, offset). Block elements and <br> contribute "\n" (a line break, so a
 * term never runs across two paragraphs); those newlines belong to no node.
 */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i] = offset in `text` where nodes[i] begins */
  starts: number[];
}

const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "svg"]);

export function buildTextMap(root: Node): TextMap {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let lastChar = "";
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
    lastChar = s[s.length - 1] ?? lastChar;
  };
  const lineBreak = () => {
    if (length > 0 && lastChar !== "\n") push("\n");
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        nodes.push(child as Text);
        starts.push(length);
        push(data);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const name = (child as Element).nodeName;
        if (SKIPPED.has(name)) continue;
        if (name === "BR") {
          push("\n");
          continue;
        }
        const block = BLOCKS.has(name);
        if (block) lineBreak();
        walk(child);
        if (block) lineBreak();
      }
    }
  };
  walk(root);
  return { text: parts.join(""), nodes, starts };
}

/**
 * The DOM position of a text offset. At the seam between two nodes a start belongs to the next node
 * and an end to the previous one, so a range never begins at the end of a node.
 */
export function positionAt(
  map: TextMap,
  offset: number,
  side: "start" | "end",
): { node: Text; offset: number } | undefined {
  const { nodes, starts } = map;
  if (nodes.length === 0) return undefined;
  // last node starting at or before offset (for "end", strictly before, unless offset is 0)
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid] as number;
    if (side === "start" ? s <= offset : s < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return { node: nodes[0] as Text, offset: 0 };
  const node = nodes[found] as Text;
  const within = offset - (starts[found] as number);
  if (within <= node.data.length) return { node, offset: within };
  // the offset is on a newline no node holds
  if (side === "end") return { node, offset: node.data.length };
  const next = nodes[found + 1];
  return next ? { node: next, offset: 0 } : { node, offset: node.data.length };
}

/** The pieces of [start, end) in each text node it touches. */
export function piecesOf(
  map: TextMap,
  start: number,
  end: number,
): { node: Text; start: number; end: number }[] {
  const pieces: { node: Text; start: number; end: number }[] = [];
  const first = positionAt(map, start, "start");
  if (!first) return pieces;
  let i = map.nodes.indexOf(first.node);
  for (; i < map.nodes.length; i++) {
    const node = map.nodes[i] as Text;
    const nodeStart = map.starts[i] as number;
    if (nodeStart >= end) break;
    const a = Math.max(start, nodeStart) - nodeStart;
    const b = Math.min(end, nodeStart + node.data.length) - nodeStart;
    if (b > a) pieces.push({ node, start: a, end: b });
  }
  return pieces;
}
