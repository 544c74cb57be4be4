import type { IgnoredChoice, IgnoredChoices } from "../ignoredChoices";

/** How the page reads and keeps its choices (the background, in the content script). */
export interface ChoiceStore {
  load(address: string): Promise<IgnoredChoices | undefined>;
  save(address: string, choice: IgnoredChoice): Promise<unknown>;
}

/**
 * The choices made at the page's address, kept in the background for the browser session, each
 * with the signature of the draft it was made in: an editor whose text is that draft again (the
 * page restored it after a reload, or it was opened again) takes back the choices made in it (see
 * TrackedEditor); a new draft written at the same address takes none. While the page stays, each
 * editor keeps its own choices itself.
 */
export class RememberedIgnores {
  private address: string | undefined;
  private choices: IgnoredChoice[] = [];
  /** the store answered for this address (or could not be asked) */
  private answered = false;

  constructor(
    private readonly where: () => string,
    private readonly store: ChoiceStore,
    /** called when the store's answer brought choices, for the editors waiting for them */
    private readonly arrived: () => void,
  ) {}

  /** The choices made at the page's address, or undefined until the store has answered. */
  earlier(): readonly IgnoredChoice[] | undefined {
    this.sync();
    return this.answered ? this.choices : undefined;
  }

  add(choice: IgnoredChoice): void {
    this.sync();
    this.choices.push(choice);
    const address = this.address as string;
    asked(() => this.store.save(address, choice)).catch(() => undefined);
  }

  /**
   * Follows the page to the address open now: on another one (or the first time), forgets the
   * choices held and asks for that address's. Called before each use, and when the page starts,
   * so that the answer is usually there before the first screen.
   */
  sync(): void {
    const here = this.where();
    if (here === this.address) return;
    this.address = here;
    this.answered = false;
    this.choices = [];
    const settle = (answer: IgnoredChoices | undefined) => {
      if (this.address !== here) return;
      this.answered = true;
      const earlier = Array.isArray(answer?.choices) ? answer.choices : [];
      // choices made while the store was asked stay, after those made before
      this.choices = [...earlier, ...this.choices];
      if (earlier.length > 0) this.arrived();
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
