// Public API of @shengao/core. Implementation lands stage by stage; see the root README.
export type { Finding, Fix } from "./findings/finding.js";
export type { Segmenter } from "./segment/segmenter.js";
export * from "./lexicon/schema.js";
