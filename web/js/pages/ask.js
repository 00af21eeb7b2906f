// The ask page: a question box, and the answer in the seeds' shape with its verdict shown plainly.
import { h, link, show, notice, notePath, paperPath, askPath, paperLine } from "../dom.js";
import { getJson } from "../api.js";
import { calculator } from "../calculator.js";

const EXAMPLES = [
  "What loss does Chinchilla predict for 70B parameters on 1.4T tokens?",
  "How many tokens should a 7B model see?",
  "Does depth matter more than width for tiny language models?",
  "What power-law scaling patterns emerge when consistency models are trained at scale?",
  "Why should scaling laws be understood as properties of data distribution rather than training in general?",
];

const VERDICT_WORDS = { answered: "Answered from the corpus", partial: "Partly covered", refused: "Not covered by the corpus" };

function askForm(question, navigate) {
  const input = h("textarea", { id: "question", name: "q", rows: 2, maxlength: 500, required: true,
    placeholder: "Ask about scaling: model size, data, compute, test-time compute, precision…" });
  input.value = question || "";
  input.addEventListener("keydown", e => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); e.target.form.requestSubmit(); }
  });
  const form = h("form", { class: "ask", role: "search", onsubmit: e => {
    e.preventDefault();
    const q = input.value.trim();
    if (q) navigate(askPath(q));
  } },
  h("label", { for: "question" }, "Your question"),
  h("div", { class: "ask-row" }, input, h("button", { type: "submit" }, "Ask")));
  const examples = h("div", { class: "examples" }, h("p", {}, "Try:"),
    h("ul", {}, EXAMPLES.map(q => h("li", {}, link(askPath(q), q)))));
  return [form, question ? null : examples];
}

/** A sentence of the answer with its note's question turned into a link to the note's trace. */
// A source is a note, or a paper no note rests on yet (status "abstract"), cited by its abstract's own words.
function sourcePath(source) {
  return source && source.status === "abstract" ? paperPath(source.id) : notePath(source ? source.id : "");
}

// The mark a source carries when it is not a curated note.
function statusMark(source) {
  if (source.status === "abstract") return h("span", { class: "mark" }, "no curated note yet: the paper's own words");
  if (source.status === "draft") return h("span", { class: "mark" }, "draft note, not yet reviewed");
  return null;
}

function sentence(text, noteId, sources) {
  const source = sources.get(noteId);
  const title = source ? source.title : null;
  const at = title ? text.indexOf(title) : -1;
  if (at < 0) return [text, " ", link(sourcePath(source), h("span", { class: "visually-hidden" }, "source: "), "↗")];
  return [text.slice(0, at), link(sourcePath(source), title), text.slice(at + title.length)];
}

function verdictBanner(answer) {
  const parts = [h("strong", {}, VERDICT_WORDS[answer.verdict] || answer.verdict)];
  if (answer.verdict === "partial" && answer.missing.length) {
    parts.push(". Not in the corpus: ", h("span", { class: "missing" }, answer.missing.join("; ")), ".");
  } else if (answer.verdict === "refused" && answer.reason) {
    parts.push(": ", answer.reason, ".");
  } else if (answer.verdict === "answered") {
    parts.push(" — every sentence below rests on a note you can trace.");
  }
  return h("p", { class: "verdict verdict-" + answer.verdict, "data-verdict": answer.verdict, role: "status" }, parts);
}

function researchPrompt(text) {
  const pre = h("pre", { id: "research-prompt", tabindex: 0 }, text);
  const copied = h("span", { class: "copied", role: "status" });
  const button = h("button", { type: "button", class: "secondary", onclick: async () => {
    try {
      await navigator.clipboard.writeText(text);
      copied.textContent = "Copied.";
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied.textContent = "Selected: press Ctrl+C to copy.";
    }
  } }, "Copy the prompt");
  return h("details", { class: "prompt" }, h("summary", {}, "Research prompt for your LLM"),
    h("p", {}, "Paste it into ChatGPT or Claude to take this line further: it asks the model to re-test each dated claim and find newer work."),
    button, copied, pre);
}

function renderAnswer(answer) {
  const sources = new Map(answer.notes.map(n => [n.id, n]));
  const sections = answer.sections || {};
  const body = [verdictBanner(answer), h("h1", { class: "question" }, answer.question)];
  if (sections.framing) body.push(h("p", { class: "framing" }, sections.framing));
  if (sections.straightAnswer) body.push(h("p", { class: "straight" }, sections.straightAnswer));
  const fromQuestion = answer.calculations.length && answer.calculations[0].inputsFrom === "question";
  const calculations = answer.calculations.length ? h("section", { class: "calculations", "aria-label": "Calculations" },
    h("h2", {}, fromQuestion ? "The cited laws, run with your numbers" : "The cited laws, worked at a representative point"),
    sections.calculationSpread ? h("p", { class: "calculation-spread" }, sections.calculationSpread) : null,
    h("p", { class: "hint" }, "Edit any input: the prediction and the curve update."),
    answer.calculations.map(c => calculator(c))) : null;
  if (fromQuestion) body.push(calculations);
  for (const theme of sections.themes || []) {
    body.push(h("section", { class: "theme" }, h("h2", {}, theme.heading),
      h("p", {}, theme.sentences.map(s => [sentence(s.text, s.note, sources), " "]))));
  }
  if (sections.takeaway) body.push(h("p", { class: "takeaway" }, sections.takeaway));
  if (calculations && !fromQuestion) body.push(calculations);
  if (answer.notes.length) {
    body.push(h("section", { class: "sources" }, h("h2", {}, "Sources ", h("span", { class: "count" }, answer.notes.length + " notes")),
      h("ol", {}, answer.notes.map(n => h("li", { class: "source" },
        h("h3", {}, link(sourcePath(n), n.title), statusMark(n)), h("p", { class: "claim" }, n.status === "abstract" ? "“" + n.claim + "”" : n.claim),
        h("ul", { class: "papers" }, n.papers.map(p => h("li", {}, paperLine(p))))))),
      exportLinks([...new Set(answer.notes.flatMap(n => n.papers.map(p => p.id)))])));
  }
  if (answer.next.length) {
    body.push(h("section", { class: "next" }, h("h2", {}, "Next inquiring lines"),
      h("ul", {}, answer.next.map(n => h("li", {}, link(askPath(n.question), n.question))))));
  }
  if (answer.researchPrompt) body.push(researchPrompt(answer.researchPrompt));
  if (answer.composer && answer.composer.note) body.push(h("p", { class: "hint" }, "Composer: " + answer.composer.note));
  return h("article", { class: "answer", "aria-live": "polite" }, body);
}

export async function askPage(main, params, navigate) {
  const question = (params.get("q") || "").trim();
  document.title = question ? question + " · Scaling Atlas" : "Scaling Atlas";
  const intro = question ? null : h("section", { class: "intro" },
    h("h1", {}, "Ask what the scaling-law literature supports"),
    h("p", {}, "Answers come from a curated corpus of papers and notes. Each sentence names the note it rests on, the corpus says plainly what it does not cover, and the laws it cites run with your numbers."));
  const result = h("div", { class: "result" });
  show(main, intro, askForm(question, navigate), result);
  if (!question) return;
  result.replaceChildren(h("p", { class: "loading" }, "Reading the corpus…"));
  try {
    const answer = await getJson("/api/ask?q=" + encodeURIComponent(question));
    result.replaceChildren(renderAnswer(answer));
  } catch (error) {
    result.replaceChildren(notice("error", error.message));
  }
}

/** "Export these sources": the cited papers as BibTeX and CSL-JSON downloads, for a reference manager. */
function exportLinks(paperIds) {
  const ids = encodeURIComponent(paperIds.join(","));
  return h("p", { class: "export" }, "Export these sources (" + paperIds.length + " papers): ",
    h("a", { href: "/api/export.bib?ids=" + ids, download: "scaling-atlas-sources.bib" }, "BibTeX"), " · ",
    h("a", { href: "/api/export.csl.json?ids=" + ids, download: "scaling-atlas-sources.csl.json" }, "CSL-JSON"));
}
