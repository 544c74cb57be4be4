// OpenCC's character table (traditional → simplified), maintained upstream; we only index it.
// @ts-expect-error -- opencc-js ships its dictionaries without type declarations
import TSCharacters from "opencc-js/dict/TSCharacters";

let table: Map<string, string> | undefined;

/** Traditional → simplified, one character (code point) at a time, so offsets stay exact. */
export function traditionalToSimplified(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const pair of (TSCharacters as string).split("|")) {
    const [from, to] = pair.split(" ");
    if (from && to) table.set(from, to);
  }
  return table;
}
