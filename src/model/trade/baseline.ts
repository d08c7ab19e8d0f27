/**
 * The base-year equilibrium the trade model is solved against: flows X_ij (importer i, exporter j; tariffs
 * zero), income Y_j = sum_i X_ij, expenditure E_i = sum_j X_ij, deficit D_i = E_i - Y_i and expenditure
 * shares lambda_ij = X_ij / E_i. World income sum_j Y_j is the numeraire.
 */

export interface TradeBaseline {
  readonly n: number;
  /** Flows [importer * n + exporter], in base-year units (billion USD 2015). */
  readonly flows: Float64Array;
  readonly income: Float64Array;
  readonly expenditure: Float64Array;
  readonly deficit: Float64Array;
  /** lambda_ij = X_ij / E_i. */
  readonly share: Float64Array;
  readonly worldIncome: number;
}

export function baselineFromFlows(n: number, flows: ArrayLike<number>): TradeBaseline {
  if (flows.length !== n * n) throw new RangeError(`expected ${n * n} flows, got ${flows.length}`);
  const x = Float64Array.from(flows);
  const income = new Float64Array(n);
  const expenditure = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = x[i * n + j];
      if (!(v >= 0)) throw new RangeError(`flow ${i},${j} must be non-negative, got ${v}`);
      expenditure[i] += v;
      income[j] += v;
    }
  }
  const deficit = new Float64Array(n);
  const share = new Float64Array(n * n);
  let worldIncome = 0;
  for (let i = 0; i < n; i++) {
    if (!(income[i] > 0 && expenditure[i] > 0)) {
      throw new RangeError(`country ${i} needs positive income and expenditure`);
    }
    deficit[i] = expenditure[i] - income[i];
    worldIncome += income[i];
    for (let j = 0; j < n; j++) share[i * n + j] = x[i * n + j] / expenditure[i];
  }
  return { n, flows: x, income, expenditure, deficit, share, worldIncome };
}
