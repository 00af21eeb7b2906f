// Numbers as a reader of scaling-law papers expects them: 7.00e10, 1.937, 0.00092.

export function number(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
    const [mantissa, exponent] = value.toExponential(2).split("e");
    return mantissa + "e" + Number(exponent);
  }
  return Number(value.toPrecision(4)).toString();
}

/** A unit without its parenthesised convention, for compact display. */
export function shortUnit(unit) {
  return (unit || "").replace(/ \(.*\)$/, "");
}
