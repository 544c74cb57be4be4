import { describe, expect, it } from "vitest";
import { draftRuns, draftSignature, holdsDraft, occurrenceKey } from "../lib/content/findingKeys";
import { type ChoiceStore, RememberedIgnores } from "../lib/content/rememberedIgnores";
import type { IgnoredChoice } from "../lib/ignoredChoices";

/** A store answering when told to, and recording what it was given. */
function fakeStore(kept: Record<string, IgnoredChoice[]> = {}) {
  const saved: { address: string; choice: IgnoredChoice }[] = [];
  const pending: (() => void)[] = [];
  const store: ChoiceStore = {
    load: (address) =>
      new Promise((resolve) => pending.push(() => resolve({ choices: kept[address] ?? [] }))),
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

const problem = (key: string): IgnoredChoice => ({ kind: "problem", key, draft: [1] });

describe("RememberedIgnores", () => {
  it("give the choices made at this address before, once the store answers, and say they came", async () => {
    const { store, answer } = fakeStore({ "/draft/1": [problem("p")] });
    let arrived = 0;
    const remembered = new RememberedIgnores(
      () => "/draft/1",
      store,
      () => arrived++,
    );
    expect(remembered.earlier()).toBeUndefined();
    await answer();
    expect(arrived).toBe(1);
    expect(remembered.earlier()).toEqual([problem("p")]);
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
    expect(remembered.earlier()).toEqual([]);
  });

  it("keep each new choice under the address, after those the store gave", async () => {
    const { store, saved, answer } = fakeStore({ "/draft/1": [problem("old")] });
    const remembered = new RememberedIgnores(
      () => "/draft/1",
      store,
      () => undefined,
    );
    remembered.add(problem("new"));
    await answer();
    expect(remembered.earlier()).toEqual([problem("old"), problem("new")]);
    expect(saved).toEqual([{ address: "/draft/1", choice: problem("new") }]);
  });

  it("forget them on another address, and take that address's", async () => {
    let address = "/draft/1";
    const { store, answer } = fakeStore({ "/draft/2": [problem("q")] });
    const remembered = new RememberedIgnores(
      () => address,
      store,
      () => undefined,
    );
    remembered.add(problem("p"));
    await answer();
    address = "/draft/2";
    expect(remembered.earlier()).toBeUndefined();
    await answer();
    expect(remembered.earlier()).toEqual([problem("q")]);
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
    remembered.add(problem("p"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(remembered.earlier()).toEqual([problem("p")]);
  });
});

describe("draft signatures", () => {
  const draft =
    "学会今天举办科学家精神宣讲活动，邀请院士与青年科技工作者座谈。北韩代表团也来访，双方就科普合作交换了意见。";
  const holds = (made: string, now: string) => holdsDraft(draftSignature(made), draftRuns(now));

  it("say a draft shown again, grown or edited a little since, is that draft", () => {
    expect(holds(draft, draft)).toBe(true);
    expect(holds(draft, `新的一段。\n${draft}又改了几个字。`)).toBe(true);
    // a choice made early, while the draft was short, is taken back into the whole draft
    expect(holds(draft.slice(0, 30), `${draft}${draft.split("").reverse().join("")}`)).toBe(true);
  });

  it("say another draft with the same problem words is not", () => {
    const other = "北韩代表团访问学会，双方签署了青少年科普交流合作备忘录，并参观了科技馆。";
    expect(holds(draft, other)).toBe(false);
    expect(holds(draft, "")).toBe(false);
    expect(holds("", draft)).toBe(false);
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
