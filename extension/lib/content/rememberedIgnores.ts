import type { IgnoredChoices } from "../ignoredChoices";

/** How the page reads and keeps its choices (the background, in the content script). */
export interface ChoiceStore {
  load(address: string): Promise<IgnoredChoices | undefined>;
  save(address: string, choice: { occurrence?: string; problem?: string }): Promise<unknown>;
}

/** What the user let be in a draft: occurrences 忽略 hid (occurrenceKey), problems 全部忽略 did (problemKey). */
export interface Choices {
  readonly occurrences: ReadonlySet<string>;
  readonly problems: ReadonlySet<string>;
}

/**
 * The choices made in the draft at the page's address, kept in the background for the browser
 * session, so that the draft the page restores after a reload (or opens again) gets them back.
 * The editors ask for them once, when their text is first the page's own (see TrackedEditor);
 * while the page stays, each editor keeps its choices itself.
 */
export class RememberedIgnores {
  private address: string | undefined;
  private readonly occurrences = new Set<string>();
  private readonly problems = new Set<string>();
  /** the store answered for this address (or could not be asked) */
  private answered = false;

  constructor(
    private readonly where: () => string,
    private readonly store: ChoiceStore,
    /** called when the store's answer brought choices, for the editors waiting for them */
    private readonly arrived: () => void,
  ) {}

  /** The choices of the draft at the page's address, or undefined until the store has answered. */
  earlier(): Choices | undefined {
    this.sync();
    return this.answered ? { occurrences: this.occurrences, problems: this.problems } : undefined;
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
   * choices held and asks for that draft's. Called before each use, and when the page starts, so
   * that the answer is usually there before the first screen.
   */
  sync(): void {
    const here = this.where();
    if (here === this.address) return;
    this.address = here;
    this.answered = false;
    this.occurrences.clear();
    this.problems.clear();
    const settle = (choices: IgnoredChoices | undefined) => {
      if (this.address !== here) return;
      this.answered = true;
      const before = this.occurrences.size + this.problems.size;
      for (const key of choices?.occurrences ?? []) this.occurrences.add(key);
      for (const key of choices?.problems ?? []) this.problems.add(key);
      if (this.occurrences.size + this.problems.size !== before) this.arrived();
    };
    asked(() => this.store.load(here)).then(settle, () => settle(undefined));
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
