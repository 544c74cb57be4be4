/**
 * The ids of a pack's entries: for the duplicate-id check, and for overrides that name them. A Set
 * of a big pack's hundred thousand ids grew through 5 MB of tables while it was filled; this keeps
 * each entry's place in one typed table found by a hash of its id, and reads the id from the entry.
 */
export class EntryIds {
  /** place of an entry + 1, 0: empty */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly entries: readonly { id: string }[]) {
    let size = 16;
    while (size < 2 * entries.length) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Adds the id of entry `place`; false (and nothing added) when an entry added before has it. */
  add(place: number): boolean {
    const id = (this.entries[place] as { id: string }).id;
    const k = this.find(id);
    if (this.slots[k] !== 0) return false;
    this.slots[k] = place + 1;
    return true;
  }

  has(id: string): boolean {
    return this.slots[this.find(id)] !== 0;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private find(id: string): number {
    let k = hash(id) & this.mask;
    for (;;) {
      const place = this.slots[k] as number;
      if (place === 0 || (this.entries[place - 1] as { id: string }).id === id) return k;
      k = (k + 1) & this.mask;
    }
  }
}

/** FNV-1a over the code units, as a signed 32-bit int (unsigned, one above 2^31 was a heap number). */
function hash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
