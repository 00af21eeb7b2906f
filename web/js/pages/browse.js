// Browsing: every note grouped by axis, an axis's notes, a ceiling's notes, and the list of laws.
import { h, link, show, notePath, axisPath, lawPath } from "../dom.js";
import { loadOrExplain } from "../load.js";

function noteItem(n) {
  return h("li", { class: "note-item", "data-text": (n.title + " " + (n.claim || "")).toLowerCase() },
    link(notePath(n.id), n.title), n.claim ? h("p", { class: "claim" }, n.claim) : null);
}

export async function browsePage(main) {
  document.title = "Notes by axis · Scaling Atlas";
  const loaded = await loadOrExplain(main, "/api/axes", "/api/notes");
  if (!loaded) return;
  const [axes, notes] = loaded;
  const filter = h("input", { id: "filter", type: "search", placeholder: "Filter notes by a word…", autocomplete: "off" });
  const groups = axes.filter(a => a.notes > 0).map(axis => {
    const onAxis = notes.filter(n => (n.axes || []).includes(axis.id));
    return { axis, onAxis };
  }).filter(g => g.onAxis.length).sort((a, b) => a.axis.label.localeCompare(b.axis.label, "en", { sensitivity: "base" }));
  const sections = groups.map(({ axis, onAxis }) => h("details", { class: "axis-group", open: groups.length < 8 },
    h("summary", {}, axis.label, " ", h("span", { class: "count", "data-total": onAxis.length }, String(onAxis.length))),
    h("p", {}, link(axisPath(axis.id), "All notes on " + axis.label + ", with narrower axes")),
    h("ul", { class: "notes" }, onAxis.map(noteItem))));
  filter.addEventListener("input", () => {
    const word = filter.value.trim().toLowerCase();
    for (const item of main.querySelectorAll(".note-item")) item.hidden = word !== "" && !item.dataset.text.includes(word);
    for (const group of main.querySelectorAll(".axis-group")) {
      const shown = [...group.querySelectorAll(".note-item")].filter(i => !i.hidden).length;
      const visible = shown > 0;
      const count = group.querySelector(".count");
      count.textContent = word ? shown + " of " + count.dataset.total : count.dataset.total;
      group.hidden = !visible;
      if (word) group.open = visible;
    }
  });
  show(main, h("h1", {}, "Notes by axis"),
    h("p", {}, notes.length + " notes, each one claim titled as a question, grouped by what they scale along."),
    h("label", { for: "filter" }, "Filter"), filter, sections);
}

export async function axisPage(main, id) {
  const loaded = await loadOrExplain(main, "/api/axes", "/api/notes?axis=" + encodeURIComponent(id));
  if (!loaded) return;
  const [axes, notes] = loaded;
  const axis = axes.find(a => a.id === id) || { label: id };
  document.title = axis.label + " · Scaling Atlas";
  const narrower = axes.filter(a => a.broader === id);
  show(main, h("p", { class: "kicker" }, "Axis"), h("h1", {}, axis.label),
    narrower.length ? h("p", {}, "Narrower: ", narrower.map((a, i) => [i ? ", " : "", link(axisPath(a.id), a.label)])) : null,
    h("ul", { class: "notes" }, notes.map(noteItem)));
}

export async function ceilingPage(main, id) {
  const loaded = await loadOrExplain(main, "/api/ceilings/" + encodeURIComponent(id));
  if (!loaded) return;
  const [detail] = loaded;
  const c = detail.ceiling;
  document.title = c.label + " · Scaling Atlas";
  show(main, h("p", { class: "kicker" }, "Ceiling"), h("h1", {}, c.label),
    h("dl", { class: "facts" }, h("dt", {}, "Value"), h("dd", {}, c.value), h("dt", {}, "Task"), h("dd", {}, c.task),
      h("dt", {}, "Holds"), h("dd", {}, c.condition)),
    h("h2", {}, "Notes that report it"), h("ul", { class: "notes" }, detail.notes.map(noteItem)));
}

export async function lawsPage(main) {
  document.title = "Laws · Scaling Atlas";
  const loaded = await loadOrExplain(main, "/api/laws");
  if (!loaded) return;
  const [laws] = loaded;
  show(main, h("h1", {}, "Laws you can run"),
    h("p", {}, laws.length + " published scaling laws, with the constants their papers (or the authors' code) give, the range each was fitted on, and the papers' own check values."),
    h("ul", { class: "laws" }, laws.map(l => h("li", {}, h("h2", {}, link(lawPath(l.id), l.name)),
      h("p", { class: "meta" }, l.paper.title, l.paper.arxiv ? " · arXiv:" + l.paper.arxiv : ""),
      h("code", {}, l.formula)))));
}
