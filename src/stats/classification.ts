/**
 * How well predicted probabilities of a binary outcome score against what happened: the area under the ROC
 * curve, the Brier score and the log loss. Each takes the linear predictor (log-odds) so that probabilities
 * near 0 and 1 keep their precision.
 */
import { logistic, softplus } from './logit.js';

export interface Scores {
  readonly n: number;
  readonly events: number;
  /** Sum of the predicted probabilities: the events the model expected (calibration in the large). */
  readonly expected_events: number;
  /** Area under the ROC curve (null when every row has the same outcome). */
  readonly auc: number | null;
  /** Mean squared difference between probability and outcome. */
  readonly brier: number;
  /** Mean negative log-likelihood per row (natural log). */
  readonly log_loss: number;
}

/**
 * AUC as the Mann-Whitney statistic: the probability that a random event row is scored above a random
 * non-event row, ties counting one half (midranks).
 */
export function auc(eta: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = eta.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => eta[a] - eta[b]);
  let events = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && eta[order[end]] === eta[order[start]]) end++;
    const midrank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (y[order[k]] === 1) {
        events++;
        rankSum += midrank;
      }
    }
    start = end;
  }
  const nonEvents = n - events;
  if (events === 0 || nonEvents === 0) return null;
  return (rankSum - (events * (events + 1)) / 2) / (events * nonEvents);
}

export function scores(eta: ArrayLike<number>, y: ArrayLike<number>): Scores {
  const n = eta.length;
  let events = 0;
  let expected = 0;
  let brier = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const p = logistic(eta[i]);
    events += y[i];
    expected += p;
    brier += (p - y[i]) ** 2;
    logLoss += softplus(eta[i]) - y[i] * eta[i];
  }
  return { n, events, expected_events: expected, auc: auc(eta, y), brier: brier / n, log_loss: logLoss / n };
}
