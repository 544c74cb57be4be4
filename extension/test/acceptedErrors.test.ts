import type { Finding } from "@shengao/core";
import { describe, expect, it } from "vitest";
import { AcceptedErrors } from "../lib/publish/gate";

const error = (ruleId: string, text: string, start: number) =>
  ({ ruleId, text, start, end: start + text.length, severity: "error" }) as Finding;

describe("AcceptedErrors", () => {
  it("covers nothing before the user chose to publish", () => {
    expect(new AcceptedErrors().covers([error("editorial/north-korea", "北韩", 0)])).toBe(false);
  });

  it("covers the errors accepted, wherever they moved, and no new one", () => {
    const accepted = new AcceptedErrors();
    accepted.accept([
      error("editorial/north-korea", "北韩", 0),
      error("editorial/taiwan-president", "台湾总统", 9),
    ]);
    // text typed before them moves them: the same errors
    expect(
      accepted.covers([
        error("editorial/north-korea", "北韩", 5),
        error("editorial/taiwan-president", "台湾总统", 14),
      ]),
    ).toBe(true);
    // one fixed since: still covered
    expect(accepted.covers([error("editorial/north-korea", "北韩", 5)])).toBe(true);
    // one more of the same words
    expect(
      accepted.covers([
        error("editorial/north-korea", "北韩", 5),
        error("editorial/north-korea", "北韩", 20),
      ]),
    ).toBe(false);
    // the same rule on other words, and other words of a rule
    expect(accepted.covers([error("editorial/north-korea", "南朝鲜", 5)])).toBe(false);
    expect(accepted.covers([error("custom/north-korea", "北韩", 5)])).toBe(false);
  });

  it("keeps the most of each error accepted across choices", () => {
    const accepted = new AcceptedErrors();
    const twice = [error("editorial/north-korea", "北韩", 0), error("editorial/north-korea", "北韩", 8)];
    accepted.accept(twice);
    accepted.accept([error("editorial/north-korea", "北韩", 0)]);
    expect(accepted.covers(twice)).toBe(true);
  });

  it("holds for the draft at hand: another address (an editor opening another draft in place) asks again", () => {
    let address = "https://mp.weixin.qq.com/cgi-bin/appmsg?appmsgid=1";
    const accepted = new AcceptedErrors(() => address);
    const errors = [error("editorial/north-korea", "北韩", 0)];
    accepted.accept(errors);
    expect(accepted.covers(errors)).toBe(true);
    address = "https://mp.weixin.qq.com/cgi-bin/appmsg?appmsgid=2";
    expect(accepted.covers(errors)).toBe(false);
    accepted.accept(errors);
    expect(accepted.covers(errors)).toBe(true);
  });
});
