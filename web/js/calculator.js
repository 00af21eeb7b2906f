// A live calculator for one law: editable inputs, outputs recomputed by the server as you type, warnings outside
// the fitted range, and the law's curve through your point.
import { h, link, lawPath, notePath, arxivLink } from "./dom.js";
import { postJson, ApiError } from "./api.js";
import { number, shortUnit } from "./format.js";
import { chart } from "./plot.js";

const PREFERRED_OUTPUTS = ["loss", "coverage", "error", "N_opt", "lr", "compute", "effective_parameters"];

/** What to plot: the first input along the preferred output (for an allocation: N_opt along C or N). */
function axesOf(result) {
  const inputs = Object.keys(result.inputs);
  if (result.mode === "optimal") {
    const vary = inputs.includes("C") ? "C" : inputs.includes("N") ? "N" : inputs[0];
    const output = vary === "N" ? "D_opt" : "N_opt";
    return { vary, output };
  }
  const outputs = Object.keys(result.outputs);
  const output = PREFERRED_OUTPUTS.find(o => outputs.includes(o)) || outputs[outputs.length - 1];
  return { vary: inputs[0], output };
}

function constantsQuery(result) {
  return result.constants && result.constants !== "custom" && result.constants !== "none"
    ? "?constants=" + encodeURIComponent(result.constants) : "";
}

/**
 * calc: {law, name, formula, note?, noteTitle?, paper?, inputsFrom?, result, constantsLabel?}. Returns the calculator element.
 * options.custom: the caller's own constants (for laws without verified ones).
 */
export function calculator(calc, options = {}) {
  let result = calc.result;
  const { vary, output } = axesOf(result);
  const id = "calc-" + Math.random().toString(36).slice(2, 9);
  const outputsList = h("dl", { class: "outputs", "aria-live": "polite" });
  const warnings = h("ul", { class: "warnings" });
  const status = h("p", { class: "calc-status", role: "status" });
  const plot = h("div", { class: "plot" });
  const fields = Object.keys(result.inputs).map(name => {
    const input = h("input", { id: id + "-" + name, name, value: number(result.inputs[name]), inputmode: "decimal",
      autocomplete: "off", spellcheck: "false", "aria-describedby": id + "-status" });
    return { name, input };
  });
  status.id = id + "-status";

  function renderOutputs() {
    outputsList.replaceChildren();
    for (const [name, value] of Object.entries(result.outputs)) {
      if (name in result.inputs) continue;
      outputsList.append(h("div", { class: "output" + (name === output ? " primary" : "") },
        h("dt", {}, name), h("dd", { "data-output": name }, number(value), " ", h("span", { class: "unit" }, shortUnit(result.units[name])))));
    }
    warnings.replaceChildren(...result.warnings.map(w => h("li", {}, w)));
  }

  async function renderCurve() {
    const x = result.inputs[vary];
    const marker = result.outputs[output];
    if (!(x > 0)) return;
    const from = x / 300, to = x * 300;
    try {
      const curve = await postJson("/api/laws/" + encodeURIComponent(result.law) + "/curve" + constantsQuery(result), {
        mode: result.mode, inputs: result.inputs, vary, output, from, to, points: 60, constants: options.custom || {} });
      const ys = curve.points.map(p => p[1]).filter(v => v > 0);
      const logY = ys.length > 0 && Math.max(...ys) / Math.min(...ys) > 20;
      plot.replaceChildren(chart({
        series: [{ points: curve.points, kind: "line" }], band: [curve.fittedMin, curve.fittedMax],
        marker: { x, y: marker, label: vary + " = " + number(x) + ", " + output + " = " + number(marker) },
        logX: true, logY, xLabel: vary + " (" + shortUnit(curve.variableUnit) + ")", yLabel: output + " (" + shortUnit(curve.outputUnit) + ")",
        title: calc.name + ": " + output + " against " + vary }));
    } catch (error) {
      plot.replaceChildren(h("p", { class: "notice error" }, "The curve could not be drawn: " + error.message));
    }
  }

  let timer = null;
  let sequence = 0;
  async function recompute() {
    const body = {};
    for (const { name, input } of fields) body[name] = input.value.trim();
    if (options.custom) body.constants = options.custom;
    const mine = ++sequence;
    status.textContent = "Computing…";
    try {
      const next = await postJson("/api/laws/" + encodeURIComponent(result.law) + "/" + result.mode + constantsQuery(result), body);
      if (mine !== sequence) return;
      result = next;
      status.textContent = "";
      fields.forEach(f => f.input.removeAttribute("aria-invalid"));
      renderOutputs();
      renderCurve();
    } catch (error) {
      if (mine !== sequence) return;
      status.textContent = error instanceof ApiError ? error.message : String(error);
      status.classList.add("error");
      const culprit = fields.find(f => error.message.startsWith(f.name + " ") || error.message.startsWith(f.name + ":"));
      if (culprit) culprit.input.setAttribute("aria-invalid", "true");
      return;
    }
    status.classList.remove("error");
  }

  for (const { input } of fields) {
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(recompute, 300); });
  }

  const citation = [];
  if (calc.note) citation.push("Cited by ", link(notePath(calc.note), calc.noteTitle || calc.note), ". ");
  if (calc.paper && calc.paper.title) citation.push("Constants ", h("strong", {}, result.constants),
    calc.constantsLabel ? h("span", { class: "constants-label" }, " (", calc.constantsLabel, ")") : null, " from ", calc.paper.title,
    calc.paper.arxiv ? [" (", arxivLink(calc.paper.arxiv), ")"] : null, ".");

  const element = h("section", { class: "calculator", "aria-labelledby": id + "-title", "data-law": result.law },
    h("h3", { id: id + "-title" }, link(lawPath(result.law), calc.name || result.law),
      calc.inputsFrom === "example" ? h("span", { class: "tag" }, "worked example") : calc.inputsFrom === "question" ? h("span", { class: "tag" }, "your numbers") : null,
      result.mode === "optimal" ? h("span", { class: "tag" }, "optimal allocation") : null),
    h("p", { class: "formula" }, h("code", {}, calc.formula || "")),
    h("div", { class: "calc-body" },
      h("form", { class: "inputs", onsubmit: e => { e.preventDefault(); recompute(); } },
        h("fieldset", {}, h("legend", {}, "Inputs (70B, 1.4T, 1e24 are understood)"),
          fields.map(({ name, input }) => h("div", { class: "field" },
            h("label", { for: input.id }, name, " ", h("span", { class: "unit" }, shortUnit(result.units[name]))), input))),
        status),
      h("div", { class: "results" }, outputsList, warnings)),
    plot,
    citation.length ? h("p", { class: "citation" }, citation) : null);
  renderOutputs();
  renderCurve();
  return element;
}
