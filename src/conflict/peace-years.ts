/**
 * Peace-years (Beck, Katz and Tucker 1998; Carter and Signorino 2010): for each dyad-year, the number of
 * years since the dyad's last event, computed within the data.
 *
 * Counting rule, the one of Stata's btscs and most dyad-year studies: a dyad's first observed year has 0;
 * each later year adds one; the year after an event starts again at 0. So, with L the latest event year
 * before year t (or the dyad's first observed year minus one if there was none), peace_years(t) = t - 1 - L.
 * The event in year t itself does not count toward year t (it is what is being predicted). Years missing
 * from the table count as peaceful, and rows are put in year order within each dyad whatever the file order.
 * Rows whose outcome is missing count as years without an event.
 */
import { UserError } from '../errors.js';

/**
 * Peace-years per row. `dyad` holds small integer ids (0..D-1), `event` 1 for an event (0 or NaN
 * otherwise); `where(row)` names a row for error messages (a file and line).
 */
export function peaceYears(
  dyad: Int32Array,
  year: Float64Array,
  event: ArrayLike<number>,
  where: (row: number) => string,
  yearColumn: string,
): Float64Array {
  const n = dyad.length;
  let dyads = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(year[i])) {
      const what = Number.isNaN(year[i]) ? 'is missing' : `must be a whole number, got ${year[i]}`;
      throw new UserError(`column '${yearColumn}' ${what}: every row needs its year`, where(i));
    }
    if (dyad[i] + 1 > dyads) dyads = dyad[i] + 1;
  }
  // Counting sort by dyad, then by year within each dyad (usually already in order).
  const start = new Int32Array(dyads + 1);
  for (let i = 0; i < n; i++) start[dyad[i] + 1]++;
  for (let d = 0; d < dyads; d++) start[d + 1] += start[d];
  const fill = start.slice(0, dyads);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[dyad[i]]++] = i;
  const py = new Float64Array(n);
  for (let d = 0; d < dyads; d++) {
    const a = start[d];
    const b = start[d + 1];
    let sorted = true;
    for (let k = a + 1; k < b; k++) if (year[order[k]] < year[order[k - 1]]) sorted = false;
    if (!sorted) {
      const group = Array.from(order.subarray(a, b)).sort((x, y) => year[x] - year[y] || x - y);
      order.set(group, a);
    }
    let last = b > a ? year[order[a]] - 1 : 0;
    for (let k = a; k < b; k++) {
      const i = order[k];
      if (k > a && year[i] === year[order[k - 1]]) {
        throw new UserError(
          `the same dyad appears twice in year ${year[i]} (also ${where(order[k - 1])}); a dyad-year table has one row per dyad and year`,
          where(i),
        );
      }
      py[i] = year[i] - 1 - last;
      if (event[i] === 1) last = year[i];
    }
  }
  return py;
}
