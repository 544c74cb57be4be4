import type { IgnoredChoices } from "../ignoredChoices";

/** How the page reads and keeps its choices (the background, in the content script). */
export interface ChoiceStore {
  load(address: string): Promise<IgnoredChoices | undefined>;
  save(address: string, choice: { occurrence?: string; problem?: string }): Promise<unknown>;
}

/**
 * What the user let be in the draft open in this page, shared by its editors: the occurrences 忽略
 * hid (occurrenceKey) and the problems 全部忽略 let be (problemKey). They are kept in the background
 * for the browser session, by the page's address, so that a reload or the draft opened again keeps
 * them; another address (an editor opening another draft in place) has choices of its own.
 */
export class RememberedIgnores {
  private address: string | undefined;
  private readonly occurrences = new Set<string>();
  private readonly problems = new Set<string>();

  constructor(
    private readonly where: () => string,
    private readonly store: ChoiceStore,
    /** called when choices made earlier arrive, after the editors showed what they hide */
    private readonly arrived: () => void,
  ) {}

  hidesOccurrence(key: string): boolean {
    this.sync();
    return this.occurrences.has(key);
  }

  hidesProblem(key: string): boolean {
    this.sync();
    return this.problems.has(key);
  }

  /** True when nothing is hidden by occurrence: the editors need not make keys. */
  get noOccurrences(): boolean {
    this.sync();
    return this.occurrences.size === 0;
  }

  addOccurrence(key: string): void {
    this.sync();
    this.occurrences.add(key);
    this.keep({ occurrence: key });
  }

  addProblem(key: string): void {
    this.sync();
    this.problems.add(key);
    this.keep({ problem: key });
  }

  private keep(choice: { occurrence?: string; problem?: string }): void {
    const address = this.address as string;
    asked(() => this.store.save(address, choice)).catch(() => undefined);
  }

  /**
   * Follows the page to the draft open now: on another address (or the first time), forgets the
   * choices held and asks for that draft's. Called before each use, and when the page starts so
   * that they arrive before its first screen.
   */
  sync(): void {
    const here = this.where();
    if (here === this.address) return;
    this.address = here;
    this.occurrences.clear();
    this.problems.clear();
    asked(() => this.store.load(here)).then(
      (choices) => {
        if (this.address !== here) return;
        const before = this.occurrences.size + this.problems.size;
        for (const key of choices?.occurrences ?? []) this.occurrences.add(key);
        for (const key of choices?.problems ?? []) this.problems.add(key);
        if (this.occurrences.size + this.problems.size !== before) this.arrived();
      },
      () => undefined,
    );
  }
}

/**
 * The store's answer, or a rejection: a page whose extension was reloaded or updated under it has
 * no background to ask (sending throws at once), and its choices then hold in the page alone.
 */
function asked<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return ask();
  } catch (error) {
    return Promise.reject(error);
  }
}
