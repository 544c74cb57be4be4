import { Parser } from "htmlparser2";

/** Elements whose text a reader never sees. */
const HIDDEN = new Set(["script", "style", "head", "template", "noscript", "iframe", "object", "math"]);

/** Elements that start and end a line when rendered, so line numbers follow what the reader sees. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "caption",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "body",
  "html",
  "option",
  "legend",
  // an SVG chart's labels: each is a line of its own, never joined into a term with the next
  "text",
]);

/**
 * The visible text of an HTML document: text nodes outside script/style/head/template, entities
 * decoded, white space collapsed as a browser does, one line per block element and per `<br>`.
 * An SVG chart's labels are text too, and an image's `alt` is a line of its own: both are published
 * with the page (the alt text is what a screen reader says, and what shows when the image fails).
 */
export function htmlVisibleText(html: string): string {
  const lines: string[] = [];
  let line = "";
  let hiddenDepth = 0;
  let preDepth = 0;

  const endLine = (force: boolean) => {
    const trimmed = preDepth > 0 ? line : line.trim();
    if (trimmed !== "" || force) lines.push(trimmed);
    line = "";
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hiddenDepth += 1;
        else if (hiddenDepth === 0 && name === "br") endLine(true);
        else if (hiddenDepth === 0 && BLOCK.has(name)) endLine(false);
        else if (hiddenDepth === 0 && name === "img" && attributes.alt?.trim()) {
          endLine(false);
          lines.push(attributes.alt.replace(/[ \t\n\r\f]+/g, " ").trim());
        }
        if (name === "pre") preDepth += 1;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (hiddenDepth === 0 && BLOCK.has(name)) endLine(false);
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        if (preDepth > 0) {
          const [first, ...rest] = text.split(/\r?\n/);
          line += first;
          for (const part of rest) {
            lines.push(line);
            line = part;
          }
          return;
        }
        const collapsed = text.replace(/[ \t\n\r\f]+/g, " ");
        line += line === "" || line.endsWith(" ") ? collapsed.replace(/^ /, "") : collapsed;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endLine(false);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
