// Small SVG charts drawn by our own code: a law's curve on log axes with its fitted range shaded and the
// reader's point marked, and observed-against-predicted points for a fit.
import { s } from "./dom.js";
import { number } from "./format.js";

const WIDTH = 560, HEIGHT = 300;
const MARGIN = { left: 64, right: 16, top: 14, bottom: 46 };

function scale(values, log) {
  const finite = values.filter(v => Number.isFinite(v) && (!log || v > 0));
  let lo = Math.min(...finite), hi = Math.max(...finite);
  if (!(hi > lo)) { lo = log ? lo / 2 : lo - 1; hi = log ? hi * 2 : hi + 1; }
  if (!log) { const pad = (hi - lo) * 0.06; lo -= pad; hi += pad; }
  const t = log ? Math.log10 : (v => v);
  const a = t(lo), b = t(hi);
  return { lo, hi, log, at: (v, from, to) => from + (t(v) - a) / (b - a) * (to - from) };
}

function ticks(axis) {
  if (axis.log) {
    const out = [];
    const first = Math.ceil(Math.log10(axis.lo)), last = Math.floor(Math.log10(axis.hi));
    const step = Math.max(1, Math.ceil((last - first + 1) / 7));
    for (let e = first; e <= last; e += step) out.push(Math.pow(10, e));
    if (out.length < 2) { out.length = 0; out.push(axis.lo, Math.sqrt(axis.lo * axis.hi), axis.hi); }
    return out;
  }
  const span = axis.hi - axis.lo;
  const raw = span / 5, magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map(m => m * magnitude).find(v => v >= raw);
  const out = [];
  for (let v = Math.ceil(axis.lo / step) * step; v <= axis.hi + 1e-12; v += step) out.push(v);
  return out;
}

/** A tick's label: a power of ten as 10 with a raised exponent, else the number. */
function tickLabel(value, log) {
  if (log) {
    const e = Math.log10(value);
    if (Math.abs(e - Math.round(e)) < 1e-9) return ["10", s("tspan", { dy: "-0.6em", class: "exponent" }, String(Math.round(e)))];
  }
  return number(value);
}

/**
 * A chart. series: [{points: [[x, y]...], kind: "line" | "dots", class, label}]; areas: [{points: [[x, low, high]...],
 * class, label}] (a shaded region between two curves, e.g. an uncertainty band); band: [min, max] on x (shaded);
 * marker: {x, y, label}; vline: {x, label} (a vertical line across the plot); diagonal: draw y = x; logX, logY;
 * xLabel, yLabel; title (for screen readers). A line series with an id is drawn as a group (g.series[data-series])
 * whose points may carry a third element, "in", "out" or "unknown": each run of segments is a path of that class
 * (a segment takes the worse of its two ends), so a curve can be solid inside a fitted range and dashed outside it.
 */
export function chart({ series, areas = [], band, marker, vline, diagonal, logX = true, logY = false, xLabel, yLabel, title }) {
  const xs = series.flatMap(d => d.points.map(p => p[0])).concat(marker ? [marker.x] : []).concat(vline ? [vline.x] : []);
  const ys = series.flatMap(d => d.points.map(p => p[1])).concat(marker ? [marker.y] : [])
    .concat(areas.flatMap(a => a.points.flatMap(p => [p[1], p[2]])).filter(v => Number.isFinite(v) && (!logY || v > 0)));
  const x = scale(xs, logX), y = scale(diagonal ? ys.concat(xs) : ys, logY);
  const left = MARGIN.left, right = WIDTH - MARGIN.right, top = MARGIN.top, bottom = HEIGHT - MARGIN.bottom;
  const px = v => x.at(v, left, right), py = v => y.at(v, bottom, top);
  const parts = [s("title", {}, title || "chart")];
  if (band && band.some(v => v !== null && v !== undefined)) {
    const from = Math.max(x.lo, band[0] ?? x.lo), to = Math.min(x.hi, band[1] ?? x.hi);
    if (to > from) {
      parts.push(s("rect", { class: "band", x: px(from), y: top, width: px(to) - px(from), height: bottom - top }));
      // the label sits inside the shaded range, from whichever side leaves it room, so it is never cut at the plot's edge
      const fromLeft = px(from) - left < right - px(to);
      parts.push(s("text", { class: "band-label", x: fromLeft ? px(from) + 4 : px(to) - 4, y: top + 12, "text-anchor": fromLeft ? "start" : "end" },
        "fitted range"));
    }
  }
  for (const t of ticks(x)) {
    parts.push(s("line", { class: "grid", x1: px(t), x2: px(t), y1: top, y2: bottom }));
    parts.push(s("text", { class: "tick", x: px(t), y: bottom + 16, "text-anchor": "middle" }, tickLabel(t, logX)));
  }
  for (const t of ticks(y)) {
    parts.push(s("line", { class: "grid", x1: left, x2: right, y1: py(t), y2: py(t) }));
    parts.push(s("text", { class: "tick", x: left - 6, y: py(t) + 4, "text-anchor": "end" }, tickLabel(t, logY)));
  }
  parts.push(s("line", { class: "axis", x1: left, x2: right, y1: bottom, y2: bottom }));
  parts.push(s("line", { class: "axis", x1: left, x2: left, y1: top, y2: bottom }));
  if (diagonal) {
    const lo = Math.max(x.lo, y.lo), hi = Math.min(x.hi, y.hi);
    parts.push(s("line", { class: "diagonal", x1: px(lo), y1: py(lo), x2: px(hi), y2: py(hi) }));
  }
  for (const a of areas) {
    const valid = a.points.filter(p => p.every(Number.isFinite) && (!logX || p[0] > 0) && (!logY || (p[1] > 0 && p[2] > 0)));
    if (valid.length > 1) {
      const outline = valid.map(p => [px(p[0]), py(p[2])]).concat(valid.slice().reverse().map(p => [px(p[0]), py(p[1])]));
      parts.push(s("path", { class: "area " + (a.class || ""), "data-area": a.id || "", d: outline.map((q, i) => (i ? "L" : "M") + q[0].toFixed(1) + "," + q[1].toFixed(1)).join("") + "Z" },
        s("title", {}, a.label || "")));
    }
  }
  for (const d of series) {
    const valid = d.points.filter(p => Number.isFinite(p[0]) && Number.isFinite(p[1]) && (!logX || p[0] > 0) && (!logY || p[1] > 0));
    if (d.id !== undefined && d.kind !== "dots") {
      parts.push(seriesGroup(d, valid, px, py));
    } else if (d.kind === "dots") {
      for (const p of valid) parts.push(s("circle", { class: "dot " + (d.class || ""), cx: px(p[0]), cy: py(p[1]), r: 3.5 }));
    } else if (valid.length > 1) {
      parts.push(s("path", { class: "curve " + (d.class || ""), d: valid.map((p, i) => (i ? "L" : "M") + px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1)).join("") }));
    }
  }
  if (vline && Number.isFinite(vline.x)) {
    parts.push(s("line", { class: "vline", x1: px(vline.x), x2: px(vline.x), y1: top, y2: bottom }, s("title", {}, vline.label || "")));
    parts.push(s("text", { class: "vline-label", x: px(vline.x) + 4, y: bottom - 6 }, vline.label || ""));
  }
  if (marker && Number.isFinite(marker.x) && Number.isFinite(marker.y)) {
    parts.push(s("circle", { class: "marker", cx: px(marker.x), cy: py(marker.y), r: 6 }, s("title", {}, marker.label || "")));
  }
  parts.push(s("text", { class: "axis-label", x: (left + right) / 2, y: HEIGHT - 6, "text-anchor": "middle" }, xLabel || ""));
  parts.push(s("text", { class: "axis-label", x: 14, y: (top + bottom) / 2, "text-anchor": "middle", transform: `rotate(-90 14 ${(top + bottom) / 2})` }, yLabel || ""));
  return s("svg", { class: "chart", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": title || "chart" }, ...parts);
}

const WORSE = { in: 0, unknown: 1, out: 2 };

/** One series as a group of paths, one per run of segments in the same state ("in", "out", "unknown"). */
function seriesGroup(d, valid, px, py) {
  const group = s("g", { class: "series " + (d.class || ""), "data-series": d.id }, s("title", {}, d.label || ""));
  let run = null;
  for (let i = 1; i < valid.length; i++) {
    const a = valid[i - 1], b = valid[i];
    const state = [a[2] || "in", b[2] || "in"].sort((u, v) => WORSE[v] - WORSE[u])[0];
    if (!run || run.state !== state) {
      run = { state, points: [a] };
      group.append(run.path = s("path", { class: "curve " + state }));
    }
    run.points.push(b);
    run.path.setAttribute("d", run.points.map((p, j) => (j ? "L" : "M") + px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1)).join(""));
  }
  return group;
}
