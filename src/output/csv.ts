/** CSV output: deterministic number formatting, and a guard that nothing non-finite is ever written. */

/** Ten significant digits: more than any input is known to, and the same bytes on every platform. */
export function formatNumber(x: number, column: string): string {
  if (!Number.isFinite(x)) throw new Error(`non-finite value ${x} in column ${column}`);
  return String(Number(x.toPrecision(10)));
}

/** A CSV table; cells are numbers or plain identifiers (no quoting needed). */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const out = [header.join(',')];
  for (const row of rows) {
    out.push(row.map((v, k) => (typeof v === 'number' ? formatNumber(v, header[k]) : v)).join(','));
  }
  return `${out.join('\n')}\n`;
}
