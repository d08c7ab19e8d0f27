/**
 * Small dense linear algebra on row-major Float64Arrays, in place (no allocation): the trade solver's inner
 * steps, and the estimators through src/stats/linalg.ts.
 */

/**
 * Cholesky factorization in place: the lower triangle of the symmetric m x m matrix A (diagonal included)
 * becomes L with A = L L'; the upper triangle is left as it was. Returns false, with A part-way, when a pivot is
 * not positive and finite or, relative to its diagonal entry, not above `tol` (then the column is, to that
 * precision, a linear combination of the earlier ones).
 */
export function choleskyFactor(a: Float64Array, m: number, tol = 0): boolean {
  for (let j = 0; j < m; j++) {
    const ajj = a[j * m + j];
    let d = ajj;
    for (let k = 0; k < j; k++) d -= a[j * m + k] * a[j * m + k];
    if (!(d > tol * Math.abs(ajj)) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L L' x = b in place (b becomes x), given the factor L in the lower triangle of `l`. */
export function choleskySubstitute(l: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * b[k];
    b[i] = s / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * b[k];
    b[i] = s / l[i * m + i];
  }
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
