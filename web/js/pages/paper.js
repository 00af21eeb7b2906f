// A paper: its bibliographic facts as the sources state them, its abstract, and the notes that rest on it.
import { h, link, show, notePath, arxivLink } from "../dom.js";
import { loadOrExplain } from "../load.js";

// The stated date, or the year and month the arXiv identifier gives, saying so; never a day that no source states.
function when(paper) {
  if (paper.date) return paper.date;
  if (paper.issued && paper.dateSource === "stated") return paper.issued;
  if (paper.issued && paper.dateSource === "arxiv-id") return h("span", { title: "No source states the date; arXiv identifiers start with the year and month of submission." }, paper.issued + " (from the arXiv identifier)");
  return "date unknown";
}

export async function paperPage(main, id) {
  const loaded = await loadOrExplain(main, "/api/papers/" + encodeURIComponent(id));
  if (!loaded) return;
  const [paper] = loaded;
  document.title = paper.title + " · Scaling Atlas";
  show(main, h("article", { class: "paper" },
    h("p", { class: "kicker" }, "Paper"),
    h("h1", {}, paper.title),
    h("p", { class: "meta" }, paper.arxiv ? arxivLink(paper.arxiv) : "arXiv id unknown", " · ", when(paper),
      paper.authorCount ? " · " + paper.authorCount + " authors" : "", /^https?:\/\//.test(paper.code || "") ? [" · ", h("a", { href: paper.code, rel: "noopener" }, "code")] : null),
    paper.abstractText ? h("p", { class: "abstract" }, paper.abstractText) : h("p", { class: "hint" }, "Known from a citation; the corpus holds no abstract."),
    h("section", {}, h("h2", {}, "Notes resting on it"),
      (paper.notes || []).length
        ? h("ul", {}, paper.notes.map(n => h("li", {}, link(notePath(n.id), n.title), h("p", { class: "claim" }, n.claim))))
        : h("p", { class: "hint awaiting" }, h("span", { class: "mark" }, "no curated note yet"),
            " Answers cite this paper by its abstract's own words until a curator writes a note (./atlas notes draft " + paper.id + " drafts one)."))));
}
