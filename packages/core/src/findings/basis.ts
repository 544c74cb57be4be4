import type { Basis } from "../lexicon/schema.js";

/**
 * A finding's basis as one line of Chinese: the document and the article it cites, joined as a
 * citation is (《…》（2016年7月修订），涉及国际关系的用语), a link after them when asked for.
 */
export function basisText(basis: Basis, { withUrl = false }: { withUrl?: boolean } = {}): string {
  if (typeof basis === "string") return basis;
  const cited = [basis.document, basis.article].filter(Boolean).join("，");
  return withUrl && basis.url ? `${cited} ${basis.url}` : cited;
}
