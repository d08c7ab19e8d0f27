/** Small dense linear solves for the trade solver (no allocation beyond the result). */

/** Solves the small symmetric positive definite system A g = b; null if A is not positive definite. */
export function choleskySolve(a: number[][], b: number[]): number[] | null {
  const m = b.length;
  const l = a.map((row) => row.slice());
  for (let p = 0; p < m; p++) {
    for (let r = 0; r <= p; r++) {
      let sum = l[p][r];
      for (let k = 0; k < r; k++) sum -= l[p][k] * l[r][k];
      if (p === r) {
        if (!(sum > 0)) return null;
        l[p][p] = Math.sqrt(sum);
      } else l[p][r] = sum / l[r][r];
    }
  }
  const y = new Array<number>(m);
  for (let p = 0; p < m; p++) {
    let sum = b[p];
    for (let k = 0; k < p; k++) sum -= l[p][k] * y[k];
    y[p] = sum / l[p][p];
  }
  for (let p = m - 1; p >= 0; p--) {
    let sum = y[p];
    for (let k = p + 1; k < m; k++) sum -= l[k][p] * y[k];
    y[p] = sum / l[p][p];
  }
  return y;
}

/**
 * Solves A x = b for a dense m x m matrix (row-major), in place: A is overwritten by its LU factors and b
 * by the solution. Partial pivoting. Returns false if A is singular.
 */
export function luSolve(a: Float64Array, b: Float64Array, m: number): boolean {
  for (let c = 0; c < m; c++) {
    let p = c;
    let best = Math.abs(a[c * m + c]);
    for (let r = c + 1; r < m; r++) {
      const v = Math.abs(a[r * m + c]);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (!(best > 0)) return false;
    if (p !== c) {
      for (let q = 0; q < m; q++) {
        const t = a[c * m + q];
        a[c * m + q] = a[p * m + q];
        a[p * m + q] = t;
      }
      const t = b[c];
      b[c] = b[p];
      b[p] = t;
    }
    const pivot = a[c * m + c];
    for (let r = c + 1; r < m; r++) {
      const f = a[r * m + c] / pivot;
      if (f === 0) continue;
      for (let q = c + 1; q < m; q++) a[r * m + q] -= f * a[c * m + q];
      b[r] -= f * b[c];
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let sum = b[r];
    for (let q = r + 1; q < m; q++) sum -= a[r * m + q] * b[q];
    b[r] = sum / a[r * m + r];
  }
  return true;
}
