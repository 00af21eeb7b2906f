// Planning a run: every applicable law and constant set side by side for one training budget, or for the least
// compute that reaches a target loss (POST /api/plan), as a sortable table, the spread between them and why, N_opt
// against compute for each row with the uncertainty bands the sources report, and the table as CSV.
// The inputs live in the URL (/plan?compute=5.76e23&uniqueTokens=…, /plan?targetLoss=2.0), so a plan is a link.
import { h, link, lawPath, paperPath, notice } from "../dom.js";
import { postJson } from "../api.js";
import { number } from "../format.js";
import { chart } from "../plot.js";

const FIELDS = [
  { name: "compute", label: "Training compute (FLOPs)", hint: "e.g. 5.76e23 or 1e24" },
  { name: "targetLoss", label: "Or a target loss (nats per token)", hint: "e.g. 2.0, instead of a compute: each law's least compute that reaches it" },
  { name: "uniqueTokens", label: "Unique training tokens (optional)", hint: "e.g. 1.4T; adds the data-constrained law" },
  { name: "inferenceTokens", label: "Tokens to serve over the model's life (optional)", hint: "e.g. 2T; adds the inference-aware law" },
  { name: "precision", label: "Training precision in bits (optional)", hint: "e.g. 8" },
];

/** The curve: budgets from 10^-2 to 10^+2 times the chosen one, half a decade apart (9 budgets). */
const CURVE_STEPS = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

const COLUMNS = [
  { key: "law", label: "Law", value: r => r.law, text: true },
  { key: "constants", label: "Constants", value: r => r.constants, text: true },
  { key: "compute", label: "Compute (FLOPs)", value: r => r.compute, forLoss: true },
  { key: "nOpt", label: "N_opt", value: r => r.nOpt },
  { key: "dOpt", label: "D_opt", value: r => r.dOpt },
  { key: "tokensPerParameter", label: "Tokens / param", value: r => r.tokensPerParameter },
  { key: "loss", label: "Loss", value: r => r.loss },
  { key: "extrapolation", label: "Extrapolation (decades)", value: r => r.extrapolation ? r.extrapolation.decades : null },
];

const rowKey = row => row.law + " (" + row.constants + ")";

/** The inputs the URL carries, in the API's field names; empty fields left out. */
function inputsFrom(params) {
  const inputs = {};
  for (const f of FIELDS) {
    const value = (params.get(f.name) || "").trim();
    if (value) inputs[f.name] = value;
  }
  return inputs;
}

export async function planPage(main, params, navigate) {
  const inputs = inputsFrom(params);
  const fields = FIELDS.map(f => {
    const input = h("input", { id: "plan-" + f.name, name: f.name, type: "text", inputmode: "decimal", autocomplete: "off",
      spellcheck: "false", required: f.required || null, "aria-describedby": "plan-" + f.name + "-hint" });
    input.value = inputs[f.name] || (f.name === "compute" && !Object.keys(inputs).length ? "5.76e23" : "");
    return { f, input, element: h("div", { class: "field" }, h("label", { for: input.id }, f.label), input,
      h("span", { class: "hint", id: "plan-" + f.name + "-hint" }, f.hint)) };
  });
  const results = h("div", { class: "plan-results", "aria-live": "polite" });
  const form = h("form", { class: "plan-form", onsubmit: e => {
    e.preventDefault();
    const query = new URLSearchParams();
    for (const { f, input } of fields) if (input.value.trim()) query.set(f.name, input.value.trim());
    navigate("/plan?" + query.toString());
  } }, fields.map(x => x.element), h("button", { type: "submit" }, "Plan"));
  main.replaceChildren(h("article", { class: "plan" },
    h("h1", {}, "Plan a training run"),
    h("p", { class: "lede" }, "Every law in the corpus that allocates a compute budget, with each of its constant sets, side by side: ",
      "the model size and tokens each recommends, how far that lies beyond the range the law was fitted on, and why they disagree. ",
      "Numbers may be written as 5.76e23, 70B, 1.4T or 1.4 trillion."),
    form, results));
  if (!inputs.compute && !inputs.targetLoss) return;
  results.replaceChildren(h("p", { class: "loading" }, "Planning…"));
  let plan;
  try {
    plan = await postJson("/api/plan", inputs);
  } catch (error) {
    results.replaceChildren(notice("error", error.message));
    const field = fields.find(x => error.message.startsWith(x.f.name));
    if (field) field.input.setAttribute("aria-invalid", "true");
    return;
  }
  const plot = h("div", { class: "plot plan-plot" }, h("p", { class: "loading" }, "Computing each row at 9 budgets around this one…"));
  results.replaceChildren(
    h("h2", {}, plan.budget.targetLoss !== null && plan.budget.targetLoss !== undefined
      ? "The least compute for a loss of " + number(plan.budget.targetLoss) + " nats per token"
      : "Allocations at " + number(plan.budget.compute) + " FLOPs"),
    planTable(plan.rows, forLoss(plan)),
    csvLink(plan),
    spreadSection(plan.spread),
    h("h2", {}, "N_opt against compute"),
    plot);
  plot.replaceChildren(...await curves(plan, inputs));
}

const forLoss = plan => plan.budget.targetLoss !== null && plan.budget.targetLoss !== undefined;

function planTable(rows, lossPlan) {
  let sortKey = null, ascending = true;
  const tbody = h("tbody", {});
  const columns = COLUMNS.filter(c => !c.forLoss || lossPlan);
  const headers = columns.map(c => {
    const button = h("button", { type: "button", class: "sort", "data-sort": c.key, onclick: () => {
      ascending = sortKey === c.key ? !ascending : true;
      sortKey = c.key;
      render();
    } }, c.label);
    return { c, th: h("th", { scope: "col", "aria-sort": "none" }, button) };
  });
  function render() {
    const column = columns.find(c => c.key === sortKey);
    const sorted = column ? rows.slice().sort((a, b) => compare(column.value(a), column.value(b), ascending, column.text)) : rows;
    for (const { c, th } of headers) th.setAttribute("aria-sort", c.key === sortKey ? (ascending ? "ascending" : "descending") : "none");
    tbody.replaceChildren(...sorted.map(row => rowElement(row, lossPlan)));
  }
  render();
  return h("div", { class: "table-scroll" }, h("table", { class: "plan-table" },
    h("caption", {}, "One row per law and constant set (click a heading to sort)"),
    h("thead", {}, h("tr", {}, headers.map(x => x.th))), tbody));
}

/** Missing values sort last in either direction. */
function compare(a, b, ascending, text) {
  const missing = v => v === null || v === undefined;
  if (missing(a) || missing(b)) return missing(a) - missing(b);
  const order = text ? String(a).localeCompare(String(b)) : a - b;
  return ascending ? order : -order;
}

function rowElement(row, lossPlan) {
  const e = row.extrapolation || {};
  const extrapolation = e.decades === null || e.decades === undefined
    ? h("span", { class: "hint" }, "no fitted range recorded" + (e.notRecorded && e.notRecorded.length ? " (" + e.notRecorded.join(", ") + ")" : ""))
    : [number(e.decades), e.warning ? [" ", h("span", { class: "extrapolation-warning", title: e.warning }, "⚠ far extrapolation"),
      h("span", { class: "visually-hidden" }, ": " + e.warning)] : null];
  return h("tr", { "data-row": rowKey(row), class: e.warning ? "far" : null },
    h("th", { scope: "row" }, link(lawPath(row.law), row.law)),
    h("td", {}, row.constants, h("br"), h("span", { class: "hint" }, row.constantsLabel, " · ", row.provenance,
      row.paper ? [" · ", link(paperPath(row.paper.id), row.paper.title)] : null)),
    lossPlan ? h("td", { class: "num", "data-col": "compute" }, number(row.compute)) : null,
    h("td", { class: "num", "data-col": "nOpt" }, h("span", { class: "value" }, number(row.nOpt)), h("br"),
      row.band ? [h("span", { class: "band-range", title: row.uncertainty }, number(row.band.nLow) + " to " + number(row.band.nHigh)), h("br")] : null,
      h("span", { class: "hint" }, row.parameters.replace(/^parameters \((.*)\)$/, "$1"))),
    h("td", { class: "num", "data-col": "dOpt" }, number(row.dOpt)),
    h("td", { class: "num", "data-col": "tokensPerParameter" }, number(row.tokensPerParameter)),
    h("td", { class: "num", "data-col": "loss" }, number(row.loss)),
    h("td", { class: "num", "data-col": "extrapolation" }, extrapolation));
}

function spreadSection(spread) {
  return h("section", { class: "spread" },
    h("h2", {}, "Spread"),
    h("p", {}, spread.largest
      ? ["The largest N_opt (", spread.largest, ") is ", h("strong", { class: "spread-ratio" }, number(spread.ratio) + "×"), " the smallest (", spread.smallest, ")."]
      : "No law applies to this budget."),
    spread.reasons.length ? h("ul", { class: "spread-reasons" }, spread.reasons.map(r => h("li", {}, r))) : null);
}

// CSV: RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled); numbers in full.
const CSV_COLUMNS = [
  ["law", r => r.law], ["name", r => r.name], ["constants", r => r.constants], ["constants_label", r => r.constantsLabel],
  ["provenance", r => r.provenance], ["compute", r => r.compute], ["N_opt", r => r.nOpt], ["N_opt_band_low", r => r.band && r.band.nLow],
  ["N_opt_band_high", r => r.band && r.band.nHigh], ["D_opt", r => r.dOpt], ["tokens_per_parameter", r => r.tokensPerParameter],
  ["loss", r => r.loss], ["parameters", r => r.parameters], ["extrapolation_decades", r => r.extrapolation && r.extrapolation.decades],
  ["extrapolation_warning", r => r.extrapolation && r.extrapolation.warning], ["paper", r => r.paper && r.paper.title],
  ["arxiv", r => r.paper && r.paper.arxiv], ["uncertainty", r => r.uncertainty], ["warnings", r => r.warnings.join("; ")],
];

function csvField(value) {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export function planCsv(plan) {
  const lines = [CSV_COLUMNS.map(c => c[0]).join(",")];
  for (const row of plan.rows) lines.push(CSV_COLUMNS.map(c => csvField(c[1](row))).join(","));
  return lines.join("\r\n") + "\r\n";
}

function csvLink(plan) {
  const url = URL.createObjectURL(new Blob([planCsv(plan)], { type: "text/csv;charset=utf-8" }));
  const name = forLoss(plan) ? "plan-loss-" + number(plan.budget.targetLoss) : "plan-" + number(plan.budget.compute);
  return h("p", {}, h("a", { class: "csv-download", href: url, download: name + ".csv" }, "Download CSV"),
    h("span", { class: "hint" }, " (this table, every number in full)"));
}

/**
 * N_opt against compute for every row: the plan is asked again at budgets 10^-2 … 10^+2 times the chosen one (half a
 * decade apart, one request at a time, the other inputs unchanged) and each row's N_opt joined into a curve. A
 * segment is solid where the row lies inside the ranges its law was fitted on, dashed beyond them, dotted where the
 * law records none. A row whose source reports an exponent interval gets its band shaded around its curve. For a
 * target loss the budgets centre on the rows' own computes (their geometric mean), and each row's point is marked.
 * A budget the planner refuses is left out.
 */
async function curves(plan, inputs) {
  const lossPlan = forLoss(plan);
  const points = new Map(plan.rows.map(r => [rowKey(r), []]));
  const bands = new Map(plan.rows.map(r => [rowKey(r), []]));
  const state = row => {
    const d = row.extrapolation ? row.extrapolation.decades : null;
    return d === null || d === undefined ? "unknown" : d > 0 ? "out" : "in";
  };
  const centre = lossPlan ? Math.exp(plan.rows.reduce((sum, r) => sum + Math.log(r.compute), 0) / Math.max(1, plan.rows.length)) : plan.budget.compute;
  const { targetLoss, ...others } = inputs;
  for (const step of CURVE_STEPS) {
    const compute = centre * Math.pow(10, step);
    let at = plan;
    if (step !== 0 || lossPlan) {
      try {
        at = await postJson("/api/plan", { ...others, compute });
      } catch (error) {
        continue;
      }
    }
    for (const row of at.rows) {
      const list = points.get(rowKey(row));
      if (list && Number.isFinite(row.nOpt)) list.push([compute, row.nOpt, state(row)]);
      if (row.band && bands.has(rowKey(row))) bands.get(rowKey(row)).push([compute, row.band.nLow, row.band.nHigh]);
    }
  }
  const series = plan.rows.map((row, i) => ({ id: rowKey(row), class: "palette-" + (i % 8), label: rowKey(row), points: points.get(rowKey(row)) }));
  const areas = plan.rows.map((row, i) => ({ id: rowKey(row), class: "palette-" + (i % 8), points: bands.get(rowKey(row)),
    label: rowKey(row) + ": N_opt within " + (row.band ? row.band.level : "") })).filter(a => a.points.length > 1);
  const marks = lossPlan ? plan.rows.map((row, i) => ({ kind: "dots", class: "palette-" + (i % 8), points: [[row.compute, row.nOpt]] })) : [];
  const svg = chart({ series: series.concat(marks), areas, logX: true, logY: true, xLabel: "training compute C (FLOPs)", yLabel: "N_opt (parameters)",
    vline: lossPlan ? null : { x: plan.budget.compute, label: "your budget" },
    title: "N_opt against training compute for each law and constant set; solid inside the fitted range, dashed beyond it, dotted where none is "
      + "recorded; shaded where the source reports an interval for the exponent" });
  return [svg,
    h("ul", { class: "plan-legend" }, series.map(d => h("li", { class: d.class }, d.label))),
    h("p", { class: "hint" }, "Each curve is the plan asked again at 9 budgets, from a hundredth to a hundred times ",
      lossPlan ? "the rows' own computes (each row's is the dot)" : "yours", ", half a decade apart. ",
      "Solid: inside the ranges the law was fitted on; dashed: beyond them (an extrapolation); dotted: the law records no fitted range. ",
      "Shaded: the sizes the exponent interval its source reports allows (the prefactor's uncertainty is not in it, so it narrows to nothing where the data sit). ",
      lossPlan ? "" : "The vertical line is your budget.")];
}
