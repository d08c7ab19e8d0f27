/** CSV output: deterministic number formatting, and a guard that nothing non-finite is ever written. */

/** Ten significant digits: more than any input is known to, and the same bytes on every platform. */
export function formatNumber(x: number, column: string): string {
  if (!Number.isFinite(x)) throw new Error(`non-finite value ${x} in column ${column}`);
  return String(Number(x.toPrecision(10)));
}

/** A text cell, quoted as RFC 4180 asks when it holds a comma, a quote or a line break (event details do). */
function formatText(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A CSV table; cells are numbers or text. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const out = [header.join(',')];
  for (const row of rows) {
    out.push(
      row.map((v, k) => (typeof v === 'number' ? formatNumber(v, header[k]) : formatText(v))).join(','),
    );
  }
  return `${out.join('\n')}\n`;
}
