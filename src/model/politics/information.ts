/**
 * The information ecosystem of a country: media literacy that civic education raises cohort by cohort, and
 * polarization in the aggregate mode.
 */
/**
 * Media literacy after one year. A share `turnover` of the adult population is replaced by the cohort coming
 * of age, whose literacy is the base-year level plus what civic education added when it was at school
 * (`civic`, the programme's intensity `lag` years ago): the gain closes a share `gain` of the gap to full
 * literacy. So a programme starts to count only after its lag and builds over decades, as cohorts replace
 * cohorts.
 */
export function nextMediaLiteracy(
  literacy: number,
  base: number,
  civic: number,
  gain: number,
  turnover: number,
): number {
  const cohort = base + gain * (1 - base) * civic;
  return literacy + turnover * (cohort - literacy);
}

/**
 * Polarization as four times the variance of opinion on a 0..1 scale: with a share s at one camp and 1 - s at
 * the other, a distance d apart, it is 4 s (1 - s) d^2; 1 when half the people sit at each extreme. The agent
 * mode measures the same quantity on its citizens. In the aggregate mode the camp distance is
 *   d = sigmoid(logit(d0) + g_echo (echo - 1) + g_dis [D (1 - L) - (1 - L0)]),
 * widened by echo chambers stronger than in 2024 and by more disinformation reaching people than in 2024.
 */
export function polarization(support: number, distance: number): number {
  return 4 * support * (1 - support) * distance * distance;
}
