import { describe, expect, it } from "vitest";
import { basisText } from "../src/index.js";

describe("basisText", () => {
  it("joins the document and the article as a citation, a link after them when asked", () => {
    const basis = {
      document: "新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订）",
      article: "涉及国际关系的用语",
      url: "https://example.org/x",
    };
    expect(basisText(basis)).toBe(
      "新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订），涉及国际关系的用语",
    );
    expect(basisText(basis, { withUrl: true })).toBe(`${basisText(basis)} https://example.org/x`);
    expect(basisText({ document: "《广告法》" })).toBe("《广告法》");
    expect(basisText("本会规定")).toBe("本会规定");
  });
});
