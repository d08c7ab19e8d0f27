/** Small dense linear solves for the trade solver, in place (no allocation). */

/**
 * Solves the symmetric positive definite m x m system A g = b (row-major) in place: A is overwritten by
 * its Cholesky factor, b by the solution. Returns false if A is not positive definite.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, m: number): boolean {
  for (let p = 0; p < m; p++) {
    for (let r = 0; r <= p; r++) {
      let sum = a[p * m + r];
      for (let k = 0; k < r; k++) sum -= a[p * m + k] * a[r * m + k];
      if (p === r) {
        if (!(sum > 0)) return false;
        a[p * m + p] = Math.sqrt(sum);
      } else a[p * m + r] = sum / a[r * m + r];
    }
  }
  for (let p = 0; p < m; p++) {
    let sum = b[p];
    for (let k = 0; k < p; k++) sum -= a[p * m + k] * b[k];
    b[p] = sum / a[p * m + p];
  }
  for (let p = m - 1; p >= 0; p--) {
    let sum = b[p];
    for (let k = p + 1; k < m; k++) sum -= a[k * m + p] * b[k];
    b[p] = sum / a[p * m + p];
  }
  return true;
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
