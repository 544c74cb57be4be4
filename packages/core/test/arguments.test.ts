import { describe, expect, it } from "vitest";
import {
  compile,
  normalizeText,
  parseCompiled,
  parseLexicon,
  usablePacks,
  validatePacks,
} from "../src/index.js";

const pack = parseLexicon("id: a\nname: 测试\nversion: 1.0.0\nentries: []\n", "a.yaml");

describe("a call with the wrong kind of argument says what the function takes", () => {
  it.each([
    [
      "compile(pack)",
      () => compile(pack as never),
      /^compile\(packs\) 需要 parseLexicon 结果的数组.*实际是 object$/,
    ],
    [
      "compile([pack.pack])",
      () => compile([pack.pack] as never),
      /^compile\(packs\) 需要 parseLexicon 结果的数组.*（其中有不是 parseLexicon 结果的项）$/,
    ],
    [
      "usablePacks([{}])",
      () => usablePacks([{}] as never),
      /^usablePacks\(packs\) 需要 parseLexicon 结果的数组/,
    ],
    ["validatePacks(undefined)", () => validatePacks(undefined as never), /实际是 undefined$/],
    [
      "parseLexicon(undefined)",
      () => parseLexicon(undefined as never, "a.yaml"),
      /^parseLexicon\(source, file\) 需要文字（string），实际是 undefined$/,
    ],
    [
      "parseCompiled(123)",
      () => parseCompiled(123 as never, "c.json"),
      /^parseCompiled\(source, file\) 需要文字（string），实际是 number$/,
    ],
    [
      "normalizeText(1)",
      () => normalizeText(1 as never),
      /^normalizeText\(text\) 需要文字（string），实际是 number$/,
    ],
  ])("%s", (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it("the right arguments still work", () => {
    expect(compile([pack]).screen("北韩")).toEqual([]);
    expect(usablePacks([pack]).usable).toHaveLength(1);
  });
});
