/** Small numeric helpers shared by the modules. */

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(x, hi));
}

/** Linear interpolation through knots (xs ascending), flat beyond the first and last knot. */
export function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const last = xs.length - 1;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[last]) return ys[last];
  let k = 1;
  while (xs[k] < x) k++;
  const w = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
  return ys[k - 1] + w * (ys[k] - ys[k - 1]);
}
