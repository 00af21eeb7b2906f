// A note traced: the claim, its papers with the evidence highlighted inside each abstract, related notes, laws,
// axes, ceilings, and a small drawing of its neighbourhood in the graph. A draft note (./atlas notes draft) is marked as
// such, and its missing claim is said to be missing.
import { h, s, link, show, notePath, paperPath, lawPath, axisPath, ceilingPath, arxivLink } from "../dom.js";
import { getJson } from "../api.js";
import { loadOrExplain } from "../load.js";

const RELATION_WORDS = {
  outgoing: { supports: "supports", disagrees: "disagrees with", refines: "refines", extends: "extends" },
  incoming: { supports: "is supported by", disagrees: "is disputed by", refines: "is refined by", extends: "is extended by" },
};

/** The abstract as text with each evidence sentence inside a <mark>; evidence not found is listed as a quote. */
function highlighted(abstract, evidence) {
  const spans = [];
  for (const quote of evidence) {
    const at = abstract.indexOf(quote);
    if (at >= 0) spans.push([at, at + quote.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let cursor = 0;
  for (const [from, to] of spans) {
    if (from < cursor) continue;
    parts.push(abstract.slice(cursor, from), h("mark", { class: "evidence" }, abstract.slice(from, to)));
    cursor = to;
  }
  parts.push(abstract.slice(cursor));
  return parts;
}

function supportingPaper(paper, detail) {
  const abstract = detail && detail.abstractText ? detail.abstractText : "";
  const quotedHere = abstract && !paper.via;
  return h("li", { class: "supporting" },
    h("h3", {}, link(paperPath(paper.id), paper.title || paper.id)),
    h("p", { class: "meta" }, paper.arxiv ? arxivLink(paper.arxiv) : "arXiv id unknown", " · ", paper.date || "date unknown"),
    quotedHere
      ? h("p", { class: "abstract" }, highlighted(abstract, paper.evidence))
      : [h("p", { class: "meta" }, "Quoted from ", h("code", {}, paper.via || "the paper"), ":"),
        paper.evidence.map(q => h("blockquote", {}, h("mark", { class: "evidence" }, q)))]);
}

function truncate(text, n) {
  return text.length <= n ? text : text.slice(0, n - 1) + "…";
}

/** The note at the centre; papers, related notes, laws and axes around it, each a link. */
function neighbourhood(trace) {
  const nodes = [
    ...trace.papers.map(p => ({ kind: "paper", label: p.title || p.id, href: paperPath(p.id) })),
    ...trace.related.map(r => ({ kind: "note", label: (RELATION_WORDS[r.direction][r.relation] || r.relation) + ": " + r.title, href: notePath(r.id) })),
    ...trace.laws.map(l => ({ kind: "law", label: l.name, href: lawPath(l.id) })),
    ...trace.ceilings.map(c => ({ kind: "ceiling", label: c.label, href: ceilingPath(c.id) })),
    ...trace.axes.map(a => ({ kind: "axis", label: a.label, href: axisPath(a.id) })),
  ];
  const width = 720, height = Math.max(280, 80 + nodes.length * 10), cx = width / 2, cy = height / 2;
  const rx = width / 2 - 190, ry = height / 2 - 34;
  const parts = [s("title", {}, "The note's neighbourhood in the graph")];
  nodes.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, nodes.length);
    node.x = cx + rx * Math.cos(angle);
    node.y = cy + ry * Math.sin(angle);
    parts.push(s("line", { class: "edge edge-" + node.kind, x1: cx, y1: cy, x2: node.x, y2: node.y }));
  });
  parts.push(s("circle", { class: "node node-centre", cx, cy, r: 16 }));
  for (const node of nodes) {
    const anchor = node.x < cx - 5 ? "end" : node.x > cx + 5 ? "start" : "middle";
    const dx = anchor === "end" ? -10 : anchor === "start" ? 10 : 0;
    const dy = anchor !== "middle" ? 4 : node.y < cy ? -12 : 20;
    parts.push(s("a", { href: node.href, "data-nav": true, class: "graph-link" },
      s("title", {}, node.label),
      s("circle", { class: "node node-" + node.kind, cx: node.x, cy: node.y, r: 7 }),
      s("text", { x: node.x + dx, y: node.y + dy, "text-anchor": anchor }, truncate(node.label, 30))));
  }
  const legend = h("ul", { class: "legend" }, ["paper", "note", "law", "ceiling", "axis"].map(k => h("li", { class: "legend-" + k }, k)));
  return h("figure", { class: "graph-view" }, s("svg", { viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Neighbourhood of the note" }, ...parts),
    h("figcaption", {}, "The note (centre) and what it connects to in the graph. ", legend));
}

export async function notePage(main, id) {
  show(main, h("p", { class: "loading" }, "Tracing the note…"));
  const loaded = await loadOrExplain(main, "/api/notes/" + encodeURIComponent(id) + "/trace", "/api/notes/" + encodeURIComponent(id));
  if (!loaded) return;
  const [trace, note] = loaded;
  const draft = note.status === "draft";
  document.title = trace.note.title + " · Scaling Atlas";
  const details = await Promise.all(trace.papers.map(p => getJson("/api/papers/" + encodeURIComponent(p.id)).catch(() => null)));
  show(main, h("article", { class: "trace" },
    h("p", { class: "kicker" }, draft ? h("span", { class: "draft-mark" }, "Draft") : null, "Note", trace.note.date ? " · " + trace.note.date : ""),
    h("h1", {}, trace.note.title),
    draft ? h("p", { class: "draft-notice", role: "note" },
      "A draft, awaiting a curator's review: its question and evidence were proposed by ",
      h("code", {}, "./atlas notes draft"), " and have not been checked by a person yet.") : null,
    trace.note.claim ? h("p", { class: "claim lead" }, trace.note.claim)
      : h("p", { class: "claim lead missing" }, "No claim yet: the curator writes it from the evidence below."),
    h("section", {}, h("h2", {}, "Supported by ", trace.papers.length === 1 ? "1 paper" : trace.papers.length + " papers"),
      h("p", { class: "hint" }, "The highlighted sentences are the evidence the claim rests on."),
      h("ol", { class: "supporting-papers" }, trace.papers.map((p, i) => supportingPaper(p, details[i])))),
    trace.related.length ? h("section", {}, h("h2", {}, "Related notes"),
      h("ul", { class: "related" }, trace.related.map(r => h("li", {},
        h("span", { class: "relation relation-" + r.relation }, "This note " + (RELATION_WORDS[r.direction][r.relation] || r.relation)), " ",
        link(notePath(r.id), r.title))))) : null,
    trace.laws.length ? h("section", {}, h("h2", {}, "Laws it cites"),
      h("ul", {}, trace.laws.map(l => h("li", {}, link(lawPath(l.id), l.name), h("br"), h("code", {}, l.formula))))) : null,
    trace.ceilings.length ? h("section", {}, h("h2", {}, "Ceilings"),
      h("ul", {}, trace.ceilings.map(c => h("li", {}, link(ceilingPath(c.id), c.label), ": ", c.value, " on ", c.task, ", ", c.condition)))) : null,
    h("section", {}, h("h2", {}, "Axes"), trace.axes.length
      ? h("ul", { class: "chips" }, trace.axes.map(a => h("li", {}, link(axisPath(a.id), a.label))))
      : h("p", { class: "hint" }, "None yet: the curator names them.")),
    h("section", {}, h("h2", {}, "In the graph"), neighbourhood(trace))));
}
