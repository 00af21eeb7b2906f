// A law: its formula, variables with units and fitted ranges, constant sets with provenance, a live calculator,
// its optimal allocation where it has one, the notes that cite it, and a fit of your own points.
import { h, link, show, notice, notePath, paperPath, arxivLink } from "../dom.js";
import { postJson } from "../api.js";
import { loadOrExplain } from "../load.js";
import { calculator } from "../calculator.js";
import { number } from "../format.js";
import { chart } from "../plot.js";

/** The budget a law page's optimal-allocation calculator opens on. */
const EXAMPLE_BUDGET = { C: 1e22 };

function constantsTable(law) {
  if (!law.constants.length) return h("p", { class: "hint" }, "No verified constants: the calculator needs your own values.");
  const names = Object.keys(law.constants[0].values);
  return h("div", { class: "table-scroll" }, h("table", {},
    h("caption", {}, "Constant sets (the first is the default)"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "set"), names.map(n => h("th", { scope: "col" }, n)), h("th", { scope: "col" }, "provenance"))),
    h("tbody", {}, law.constants.map(set => h("tr", {},
      h("th", { scope: "row" }, set.id, h("br"), h("span", { class: "hint" }, set.label),
        set.fittedOn && set.fittedOn.length ? [h("br"), h("span", { class: "hint fitted-on" }, "fitted on: " + set.fittedOn.join(", "))] : null,
        set.aliases && set.aliases.length ? [h("br"), h("span", { class: "hint aliases" }, "asked for as: " + set.aliases.join(", "))] : null),
      names.map(n => h("td", {}, number(set.values[n]))),
      h("td", {}, set.provenance, set.source ? [h("br"), link(paperPath(set.source.id), set.source.title)] : null))))));
}

function variablesTable(law) {
  return h("div", { class: "table-scroll" }, h("table", {},
    h("caption", {}, "Inputs"),
    h("thead", {}, h("tr", {}, ["symbol", "what", "unit", "fitted on"].map(c => h("th", { scope: "col" }, c)))),
    h("tbody", {}, law.variables.map(v => h("tr", {}, h("th", { scope: "row" }, v.name), h("td", {}, v.description), h("td", {}, v.unit),
      h("td", {}, v.min === null && v.max === null ? "not stated" : number(v.min) + " to " + number(v.max)))))));
}

async function calculatorFor(law, mode, inputs, set, custom) {
  const query = set ? "?constants=" + encodeURIComponent(set) : "";
  const body = { ...inputs };
  if (custom) body.constants = custom;
  const result = await postJson("/api/laws/" + encodeURIComponent(law.id) + "/" + mode + query, body);
  return calculator({ law: law.id, name: law.name, formula: law.formula, paper: law.paper, result }, { custom });
}

function fitSection(law) {
  const inputs = law.variables.map(v => v.name);
  const family = inputs.length >= 2 ? "chinchilla" : "auto";
  const header = (family === "chinchilla" ? inputs.slice(0, 2) : inputs.slice(0, 1)).concat(["loss"]).join(",");
  const textarea = h("textarea", { id: "fit-csv", rows: 8, spellcheck: "false" });
  textarea.value = "# " + header + ", one row per training run\n" + header + "\n";
  const familySelect = h("select", { id: "fit-family" },
    h("option", { value: "chinchilla", selected: family === "chinchilla" }, "E + A/N^alpha + B/D^beta (two inputs)"),
    h("option", { value: "auto", selected: family === "auto" }, "one input: the family with the lowest rollout error"),
    h("option", { value: "power-law" }, "E + A/x^alpha (one input)"),
    h("option", { value: "pure-power" }, "A/x^alpha (one input)"),
    h("option", { value: "saturating" }, "E + A/(x + x0)^alpha (one input)"));
  const output = h("div", { class: "fit-result", "aria-live": "polite" });
  const form = h("form", { class: "fit", onsubmit: async e => {
    e.preventDefault();
    output.replaceChildren(h("p", { class: "loading" }, "Fitting, with 100 bootstrap resamples…"));
    try {
      const fit = await postJson("/api/laws/fit", { family: familySelect.value, csv: textarea.value, resamples: 100 });
      output.replaceChildren(renderFit(fit));
    } catch (error) {
      output.replaceChildren(notice("error", error.message));
    }
  } },
  h("label", { for: "fit-csv" }, "Your points as CSV (a header naming the inputs, ending with loss)"), textarea,
  h("label", { for: "fit-family" }, "Family"), familySelect,
  h("button", { type: "submit" }, "Fit"));
  return h("section", { class: "fit-section" }, h("h2", {}, "Fit your own points"),
    h("p", {}, "Two inputs are fitted the way Hoffmann et al. fitted Chinchilla (Huber loss, δ = 10^-3, on log loss); one input by bounded least squares on log loss, with how well it extrapolated its own points. Both with bootstrap intervals, then compared with the published laws over the same inputs."),
    form, output);
}

function renderFit(fit) {
  const rows = Object.entries(fit.constants).map(([name, value]) => {
    const interval = fit.intervals[name];
    return h("tr", {}, h("th", { scope: "row" }, name), h("td", { "data-constant": name }, number(value)),
      h("td", {}, interval ? number(interval.low) + " to " + number(interval.high) : "–"));
  });
  const points = fit.residuals.map(r => [r.observed, r.predicted]);
  const best = fit.published[0];
  const series = [{ points, kind: "dots", label: "your fit" }];
  if (best) series.push({ points: fit.residuals.map((r, i) => [r.observed, best.predicted[i]]), kind: "dots", class: "published", label: best.label });
  return h("div", {},
    h("p", {}, "Fitted ", h("code", {}, fit.formula), " to " + fit.residuals.length + " points; RMS log residual " + number(fit.rmseLog) + "."),
    fit.rollout ? h("p", { class: "fit-trust" }, "Fitted on its smallest points and asked for the rest, it missed them by " + number(fit.rolloutError)
      + " in log loss on average (rollout over " + fit.rollout.length + " steps); each point left out, by " + number(fit.leaveOneOutError) + ".") : null,
    fit.warnings && fit.warnings.length ? h("ul", { class: "fit-warnings" }, fit.warnings.map(w => h("li", {}, w))) : null,
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "constant"), h("th", { scope: "col" }, "value"), h("th", { scope: "col" }, "95% interval"))), h("tbody", {}, rows)),
    chart({ series, diagonal: true, logX: true, logY: true, xLabel: "observed loss", yLabel: "predicted loss", title: "Observed against predicted loss: your fit and the closest published law" }),
    h("p", { class: "legend-line" }, h("span", { class: "swatch fit" }), "your fit", best ? [h("span", { class: "swatch published" }), best.label] : null,
      " · on the dashed line a prediction equals the observation"),
    fit.published.length ? [h("h3", {}, "Published laws on your points"),
      h("ol", {}, fit.published.map(c => h("li", {}, c.label, ": RMS log residual " + number(c.rmseLog))))] : null);
}

export async function lawPage(main, id) {
  const loaded = await loadOrExplain(main, "/api/laws/" + encodeURIComponent(id));
  if (!loaded) return;
  const [detail] = loaded;
  const law = detail.law;
  document.title = law.name + " · Scaling Atlas";
  const calculators = h("div", { class: "calculators" });
  show(main, h("article", { class: "law" },
    h("p", { class: "kicker" }, "Law"),
    h("h1", {}, law.name),
    h("p", { class: "meta" }, link(paperPath(law.paper.id), law.paper.title), law.paper.arxiv ? [" · ", arxivLink(law.paper.arxiv)] : null),
    h("p", { class: "formula" }, law.outputs.map(o => h("code", { class: "block" }, o.name + " = " + o.formula))),
    detail.commentary ? h("p", {}, detail.commentary) : null,
    law.conventions.length ? h("ul", { class: "conventions" }, law.conventions.map(c => h("li", {}, c))) : null,
    variablesTable(law), constantsTable(law),
    h("section", {}, h("h2", {}, "Calculator"), calculators),
    h("section", {}, h("h2", {}, "Notes that cite it"), h("ul", {}, law.notes.map(n => h("li", {}, link(notePath(n.id), n.title))))),
    h("section", {}, h("h2", {}, "The paper's own values"),
      h("ul", { class: "checks" }, detail.checks.map(c => h("li", {}, c.source, ": ",
        Object.entries(c.expect).map(([k, v]) => k + " = " + number(v)).join(", "), " (" + c.provenance + ", within " + c.tolerance + ")")))),
    fitSection(law)));
  try {
    if (law.constants.length) {
      calculators.append(await calculatorFor(law, "evaluate", law.example, null, null));
      if (law.optimal === "compute-budget") calculators.append(await calculatorFor(law, "optimal", EXAMPLE_BUDGET, null, null));
    } else {
      calculators.append(h("p", { class: "hint" }, "This law's constants could not be verified against the paper; use the API with your own 'constants'."));
    }
  } catch (error) {
    calculators.append(notice("error", error.message));
  }
}
