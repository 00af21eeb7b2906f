// Reads Scaling Atlas's exports with citation-js, a library independent of the project, and renders every entry in
// one CSL style. Usage: node citations.mjs FILE.bib FILE.csl.json
// Prints one JSON object: per file, the entries read, the references rendered, and the ids of entries that have a
// date but render as "n.d." (no date); exits 1 when a file cannot be read or rendered.
import { readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";

function check(file, kind) {
  const text = readFileSync(file, "utf8");
  const cite = new Cite(kind === "csl" ? JSON.parse(text) : text, { forceType: kind === "csl" ? "@csl/list+object" : "@biblatex/text" });
  const items = cite.data;
  const rendered = [];
  const undated = [];
  for (const item of items) {
    const reference = new Cite(item).format("bibliography", { format: "text", template: "apa", lang: "en-US" }).trim();
    rendered.push(reference);
    const dated = item.issued && Array.isArray(item.issued["date-parts"]) && item.issued["date-parts"][0] && item.issued["date-parts"][0][0];
    if (dated && /\(n\.d\.\)|\bn\.d\./.test(reference)) undated.push(item.id);
    if (!reference) throw new Error(kind + ": entry " + item.id + " renders as nothing");
  }
  return { entries: items.length, rendered: rendered.length, dated: items.filter(i => i.issued).length, undated, sample: rendered.slice(0, 2) };
}

try {
  const [bib, csl] = process.argv.slice(2);
  console.log(JSON.stringify({ bibtex: check(bib, "bibtex"), csl: check(csl, "csl") }));
} catch (error) {
  console.error("citation-js could not read the export: " + (error && error.stack ? error.stack : error));
  process.exit(1);
}
