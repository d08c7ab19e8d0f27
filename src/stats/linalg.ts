/**
 * Small dense symmetric linear algebra for the estimators: Cholesky factorisation, solves and inverses of
 * p x p matrices stored row-major in Float64Arrays (p is the number of coefficients, a few dozen at most).
 */

/**
 * Lower-triangular Cholesky factor L of a symmetric positive-definite matrix (A = L L'), or null when a
 * pivot is not positive: relative to its diagonal entry, a pivot below `tol` means the column is (to that
 * precision) a linear combination of the earlier ones.
 */
export function cholesky(a: Float64Array, p: number, tol = 1e-13): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    if (!(d > tol * Math.abs(a[j * p + j])) || !Number.isFinite(d)) return null;
    const djj = Math.sqrt(d);
    l[j * p + j] = djj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / djj;
    }
  }
  return l;
}

/** Solves L L' x = b for x, given the Cholesky factor L. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/** The inverse of A = L L', column by column. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i];
  }
  // Symmetrise: the two triangles differ only by rounding.
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (inv[i * p + j] + inv[j * p + i]);
      inv[i * p + j] = m;
      inv[j * p + i] = m;
    }
  }
  return inv;
}

/**
 * How far each column of a symmetric positive semi-definite matrix (a correlation matrix, say) is from the
 * span of the columns before it: 1 - R^2 of column j regressed on columns 0..j-1, for j in order, and for a
 * column that is (nearly) a combination of earlier ones, the weights of that combination. Columns found to
 * be combinations are left out of the span used for later columns.
 */
export function sequentialDependence(
  a: Float64Array,
  p: number,
  tol: number,
): { residual: Float64Array; combinations: Map<number, Map<number, number>> } {
  const residual = new Float64Array(p);
  const combinations = new Map<number, Map<number, number>>();
  const kept: number[] = [];
  for (let j = 0; j < p; j++) {
    const ajj = a[j * p + j];
    if (kept.length === 0) {
      residual[j] = 1;
      kept.push(j);
      continue;
    }
    const q = kept.length;
    const sub = new Float64Array(q * q);
    const rhs = new Float64Array(q);
    for (let r = 0; r < q; r++) {
      rhs[r] = a[kept[r] * p + j];
      for (let c = 0; c < q; c++) sub[r * q + c] = a[kept[r] * p + kept[c]];
    }
    const l = cholesky(sub, q, 0);
    if (!l) throw new Error('sequentialDependence: the kept columns are not independent');
    const w = choleskySolve(l, q, rhs);
    let explained = 0;
    for (let r = 0; r < q; r++) explained += w[r] * rhs[r];
    residual[j] = ajj > 0 ? Math.max(0, (ajj - explained) / ajj) : 0;
    if (residual[j] < tol) {
      combinations.set(j, new Map(kept.map((k, r) => [k, w[r]])));
    } else {
      kept.push(j);
    }
  }
  return { residual, combinations };
}
