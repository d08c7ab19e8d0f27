/**
 * Fits the stance rule (src/model/politics/elections.ts) to the 2024 cross-section: every state whose
 * nationalist vote share is observed in data/raw/politics_2024.csv. The rule serves both elections in
 * competitive democracies and the rare regime changes elsewhere, so the fit includes electoral autocracies
 * (Hungary, India, Turkey, ...); their official results are the only measure of support there is, and without
 * them the four nationalist-populist democracies alone leave the upper threshold unidentified (the likelihood
 * rises to the edge of the grid). Maximum likelihood, by grid search, of the two thresholds and the total
 * spread sigma of y - logit(s) in the ordered rule
 *   P(stance 2) = P(logit s + sigma z > logit theta_N),  P(stance 0) = P(logit s + sigma z < logit theta_M).
 * sigma covers both the persistent country propensity and the election-day swing:
 * sigma^2 = propensity_sd^2 + swing^2. Run with `npx tsx scripts/politics/stance-fit.ts`; the registry
 * defaults of politics.threshold_mixed, politics.threshold_nationalist and politics.propensity_sd are this
 * fit, and test/politics.test.ts checks that they still are.
 */
import { fileURLToPath } from 'node:url';
import { loadWorldData } from '../../src/data/load.js';
import { upperTail } from '../../src/model/politics/elections.js';
import { logit } from '../../src/model/politics/support.js';
import type { WorldData } from '../../src/model/world-data.js';

export interface StanceFit {
  readonly mixedAbove: number;
  readonly nationalistAbove: number;
  readonly sigma: number;
  readonly logLikelihood: number;
  /** Log-likelihood of stance frequencies alone (support ignored), for comparison. */
  readonly nullLogLikelihood: number;
  /** States in the fit, and how many of them have their 2024 stance as the most likely one under the fit. */
  readonly states: readonly string[];
  readonly hits: number;
}

/** Probabilities of stances 0, 1, 2 for support logit x. */
export function stanceProbabilities(x: number, mixedAbove: number, nationalistAbove: number, sigma: number) {
  const p2 = upperTail((logit(nationalistAbove) - x) / sigma);
  const p0 = 1 - upperTail((logit(mixedAbove) - x) / sigma);
  return [p0, Math.max(0, 1 - p0 - p2), p2];
}

export function fitStanceRule(data: WorldData): StanceFit {
  const p = data.politics;
  const sample = data.countries.iso3.flatMap((_, i) => (p.sources.support[i].imputed ? [] : [i]));
  const x = sample.map((i) => logit(p.support[i]));
  const y = sample.map((i) => p.stance[i]);
  const ll = (m: number, nat: number, sigma: number) =>
    x.reduce((s, xi, k) => s + Math.log(Math.max(1e-300, stanceProbabilities(xi, m, nat, sigma)[y[k]])), 0);
  let best = { m: 0, nat: 0, sigma: 0, ll: -Infinity };
  for (let m = 5; m <= 45; m++) {
    for (let nat = m + 1; nat <= 75; nat++) {
      for (let s = 4; s <= 60; s++) {
        const v = ll(m / 100, nat / 100, s / 20);
        if (v > best.ll) best = { m: m / 100, nat: nat / 100, sigma: s / 20, ll: v };
      }
    }
  }
  const freq = [0, 1, 2].map((s) => y.filter((v) => v === s).length / y.length);
  const hits = x.filter((xi, k) => {
    const pr = stanceProbabilities(xi, best.m, best.nat, best.sigma);
    return pr.indexOf(Math.max(...pr)) === y[k];
  }).length;
  return {
    mixedAbove: best.m,
    nationalistAbove: best.nat,
    sigma: best.sigma,
    logLikelihood: best.ll,
    nullLogLikelihood: y.reduce((s, v) => s + Math.log(freq[v]), 0),
    states: sample.map((i) => data.countries.iso3[i]),
    hits,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const f = fitStanceRule(loadWorldData());
  console.log(
    [
      `fit on the ${f.states.length} states with an observed vote share (${f.states.join(' ')})`,
      `theta_M (politics.threshold_mixed)        ${f.mixedAbove}`,
      `theta_N (politics.threshold_nationalist)  ${f.nationalistAbove}`,
      `sigma (total spread, logit)               ${f.sigma}`,
      `log-likelihood ${f.logLikelihood.toFixed(2)} (stance frequencies alone: ${f.nullLogLikelihood.toFixed(2)})`,
      `most likely stance = 2024 stance for ${f.hits} of ${f.states.length}`,
    ].join('\n'),
  );
}
