/** Numbers for people: a few significant digits, thousands separated; never "NaN". */

export function fmt(x: number | undefined, digits = 3): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const decimals = abs >= 10 ** digits ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return x.toLocaleString('en-US', {
    maximumFractionDigits: Math.min(decimals, 8),
    minimumFractionDigits: 0,
  });
}

/** A signed difference, `+1.2` or `−0.3`. */
export function fmtSigned(x: number | undefined, digits = 3): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const s = fmt(Math.abs(x), digits);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/** The value as written to the CSV files (ten significant digits), for exact comparison. */
export function exact(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(10))) : '';
}

/** A parameter value in its units: years as plain whole numbers, anything else as fmt. */
export function fmtIn(x: number, units: string, digits = 4): string {
  return units === 'year' && Number.isInteger(x) ? String(x) : fmt(x, digits);
}
