import { describe, expect, it } from "vitest";
import { occurrenceKey } from "../lib/content/findingKeys";
import { type ChoiceStore, RememberedIgnores } from "../lib/content/rememberedIgnores";
import type { IgnoredChoices } from "../lib/ignoredChoices";

/** A store answering when told to, and recording what it was given. */
function fakeStore(kept: Record<string, IgnoredChoices> = {}) {
  const saved: { address: string; choice: object }[] = [];
  const pending: (() => void)[] = [];
  const store: ChoiceStore = {
    load: (address) =>
      new Promise((resolve) =>
        pending.push(() => resolve(kept[address] ?? { occurrences: [], problems: [] })),
      ),
    save: async (address, choice) => {
      saved.push({ address, choice });
    },
  };
  const answer = async () => {
    for (const go of pending.splice(0)) go();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { store, saved, answer };
}

describe("RememberedIgnores", () => {
  const sets = (c: { occurrences: ReadonlySet<string>; problems: ReadonlySet<string> } | undefined) =>
    c && { occurrences: [...c.occurrences], problems: [...c.problems] };

  it("give the choices made in this draft before, once the store answers, and say they came", async () => {
    const { store, answer } = fakeStore({ "/draft/1": { occurrences: ["o"], problems: ["p"] } });
    let arrived = 0;
    const remembered = new RememberedIgnores(
      () => "/draft/1",
      store,
      () => arrived++,
    );
    expect(remembered.earlier()).toBeUndefined();
    await answer();
    expect(arrived).toBe(1);
    expect(sets(remembered.earlier())).toEqual({ occurrences: ["o"], problems: ["p"] });
  });

  it("answered with nothing: nothing came, but the editors need not wait", async () => {
    const { store, answer } = fakeStore();
    let arrived = 0;
    const remembered = new RememberedIgnores(
      () => "/draft/1",
      store,
      () => arrived++,
    );
    remembered.sync();
    await answer();
    expect(arrived).toBe(0);
    expect(sets(remembered.earlier())).toEqual({ occurrences: [], problems: [] });
  });

  it("keep each new choice, under the draft's address", async () => {
    const { store, saved, answer } = fakeStore();
    const remembered = new RememberedIgnores(
      () => "/draft/1",
      store,
      () => undefined,
    );
    remembered.addOccurrence("o");
    remembered.addProblem("p");
    await answer();
    expect(sets(remembered.earlier())).toEqual({ occurrences: ["o"], problems: ["p"] });
    expect(saved).toEqual([
      { address: "/draft/1", choice: { occurrence: "o" } },
      { address: "/draft/1", choice: { problem: "p" } },
    ]);
  });

  it("forget them on another address, and take that draft's", async () => {
    let address = "/draft/1";
    const { store, answer } = fakeStore({ "/draft/2": { occurrences: [], problems: ["q"] } });
    const remembered = new RememberedIgnores(
      () => address,
      store,
      () => undefined,
    );
    remembered.addProblem("p");
    await answer();
    address = "/draft/2";
    expect(remembered.earlier()).toBeUndefined();
    await answer();
    expect(sets(remembered.earlier())).toEqual({ occurrences: [], problems: ["q"] });
  });

  it("hold the choices in the page when the background cannot be asked (the extension reloaded)", async () => {
    const broken: ChoiceStore = {
      load: () => {
        throw new Error("Extension context invalidated.");
      },
      save: () => {
        throw new Error("Extension context invalidated.");
      },
    };
    const remembered = new RememberedIgnores(
      () => "/draft/1",
      broken,
      () => undefined,
    );
    remembered.addProblem("p");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sets(remembered.earlier())).toEqual({ occurrences: [], problems: ["p"] });
  });
});

describe("occurrenceKey", () => {
  const f = (start: number, end: number) => ({ ruleId: "editorial/north-korea", start, end });

  it("names an occurrence by its words and the words around them, not by its offsets", () => {
    const draft = "代表团成员和北韩学者座谈。";
    const moved = `新的一段。\n${draft}`;
    expect(occurrenceKey(f(6, 8), draft)).toBe(occurrenceKey(f(12, 14), moved));
  });

  it("tells apart two occurrences of the same words", () => {
    const text = "北韩代表团和北韩学者。";
    expect(occurrenceKey(f(0, 2), text)).not.toBe(occurrenceKey(f(6, 8), text));
  });
});
