/** CSV output: deterministic number formatting, and a guard that nothing non-finite is ever written. */

/** Ten significant digits: more than any input is known to, and the same bytes on every platform. */
export function formatNumber(x: number, column: string): string {
  if (!Number.isFinite(x)) throw new Error(`non-finite value ${x} in column ${column}`);
  return String(Number(x.toPrecision(10)));
}

/** A text cell as RFC 4180 wants it: quoted (quotes doubled) only when it holds a comma, quote or line break. */
export function formatText(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV table of numbers and text (an event log's details may hold commas). */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const out = [header.map(formatText).join(',')];
  for (const row of rows) {
    out.push(
      row.map((v, k) => (typeof v === 'number' ? formatNumber(v, header[k]) : formatText(v))).join(','),
    );
  }
  return `${out.join('\n')}\n`;
}
