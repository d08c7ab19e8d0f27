/**
 * A climate club after Nordhaus (2015), "Climate Clubs: Overcoming Free-riding in International Climate Policy",
 * AER 105(4): members price carbon at a common target price and put a uniform penalty tariff on imports from
 * non-members; each country joins if that pays, given what the others do.
 *
 * Per country i and year, everything in billion USD (GDP in billion 2015 USD, emissions in Mt CO2):
 *   abatement at price p (DICE-2023 cost curve, marginal cost p_b mu^(theta - 1)):  mu(p) = min(1, (p / p_b)^(1/(theta-1)))
 *   abatement cost:        C_i(mu) = p_b mu^theta / theta x E_i / 1000
 *   climate benefit:       B_i(mu) = SCC x (Y_i / Y) x mu x E_i / 1000  (damages proportional to GDP, as in the
 *                          climate module; Y_i / Y is i's share of the world's damages)
 *   outside, a country abates at its own (non-cooperative) price SCC x Y_i / Y;
 *   penalty if outside:    T_i = tau x rho x X_i x (club GDP other than i) / (Y - Y_i)
 * with X_i its exports (base-year share of GDP) and rho the share of the tariff borne by the exporter. Country i
 * gains g_i = [B_i(mu_club) - C_i(mu_club)] - [B_i(mu_own) - C_i(mu_own)] + T_i by joining (the others' abatement
 * benefits it either way). Without a tariff g_i > 0 only where the club price is at most i's own price: only
 * the largest economies, at low prices, ever join (Nordhaus: "no stable coalitions other than those with minimal
 * abatement"). A tariff makes staying out cost T_i, which grows with the club.
 */
import * as Portable from '../portable.js';

export interface ClubEconomy {
  /** GDP, billion USD. */
  readonly gdp: ArrayLike<number>;
  /** Fossil CO2 under current policies, Mt/yr. */
  readonly emissions: ArrayLike<number>;
  /** Exports of goods and services, fraction of GDP. */
  readonly exportsShare: ArrayLike<number>;
}

export interface ClubTerms {
  /** Target carbon price, USD/t CO2. */
  readonly price: number;
  /** Penalty tariff on non-members' exports to members, fraction (0.02 = 2 %). */
  readonly tariff: number;
  /** Global social cost of carbon, USD/t CO2. */
  readonly scc: number;
  /** Backstop price (cost of the last ton abated), USD/t CO2. */
  readonly backstop: number;
  /** Exponent of the abatement cost function (DICE theta_2). */
  readonly exponent: number;
  /** Share of the penalty tariff borne by the exporting country. */
  readonly incidence: number;
}

export function abatementAtPrice(price: number, backstop: number, exponent: number): number {
  return price > 0 ? Math.min(1, Portable.exp(Portable.log(price / backstop) / (exponent - 1))) : 0;
}

/** Cost of abating a fraction mu, USD per ton of current-policy emissions. */
export function abatementCostPerTon(mu: number, backstop: number, exponent: number): number {
  // exp(theta ln mu) rather than mu ** theta: the same number, about twice as fast, and this runs per country-year.
  return mu > 0 ? (backstop * Portable.exp(exponent * Portable.log(mu))) / exponent : 0;
}

function sum(xs: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i];
  return t;
}

/** What country i gains (billion USD a year) by being in the club rather than out, the others as they are. */
export function joinGain(
  i: number,
  clubGdpOthers: number,
  e: ClubEconomy,
  t: ClubTerms,
  worldGdp: number,
): number {
  return gainWith(i, clubGdpOthers, e, t, worldGdp, clubPolicy(t));
}

/** The club's abatement at its target price and that abatement's cost per ton: the same for every country. */
interface ClubPolicy {
  readonly mu: number;
  readonly costPerTon: number;
}

function clubPolicy(t: ClubTerms): ClubPolicy {
  const mu = abatementAtPrice(t.price, t.backstop, t.exponent);
  return { mu, costPerTon: abatementCostPerTon(mu, t.backstop, t.exponent) };
}

/** joinGain with the club's policy computed once for all countries (a sweep asks every country). */
function gainWith(
  i: number,
  clubGdpOthers: number,
  e: ClubEconomy,
  t: ClubTerms,
  worldGdp: number,
  policy: ClubPolicy,
): number {
  const share = e.gdp[i] / worldGdp;
  const own = abatementAtPrice(t.scc * share, t.backstop, t.exponent);
  const ownCost = abatementCostPerTon(own, t.backstop, t.exponent);
  // In the club a country abates at the club's level or its own, whichever is higher.
  const club = Math.max(own, policy.mu);
  const clubCost = club === own ? ownCost : policy.costPerTon;
  const net = (mu: number, cost: number) => ((t.scc * share * mu - cost) * e.emissions[i]) / 1000;
  const penalty =
    t.tariff * t.incidence * e.exportsShare[i] * e.gdp[i] * (clubGdpOthers / (worldGdp - e.gdp[i]));
  return net(club, clubCost) - net(own, ownCost) + penalty;
}

/**
 * One sweep of best responses, largest economy first: each country in turn joins or leaves given the current
 * club. `may` excludes countries that will not join whatever the payoff (nationalist-populist governments).
 * Returns the number of countries that changed side.
 */
export function bestResponseSweep(
  member: Uint8Array,
  e: ClubEconomy,
  t: ClubTerms,
  may: (i: number) => boolean = () => true,
  order: Int32Array = identity(member.length),
): number {
  const n = member.length;
  const world = sum(e.gdp);
  let clubGdp = 0;
  for (let i = 0; i < n; i++) if (member[i]) clubGdp += e.gdp[i];
  byGdpDescending(order, e.gdp);
  let changed = 0;
  const policy = clubPolicy(t);
  for (const i of order) {
    const others = clubGdp - (member[i] ? e.gdp[i] : 0);
    const want = may(i) && gainWith(i, others, e, t, world, policy) > 0 ? 1 : 0;
    if (want !== member[i]) {
      member[i] = want;
      clubGdp = others + (want ? e.gdp[i] : 0);
      changed++;
    }
  }
  return changed;
}

export function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * Sorts `order`, a permutation of the states, by GDP, largest first, ties by index (the order of a stable sort
 * of 0..n-1). Insertion sort: a pass is linear when the order is already nearly right, as last year's order or
 * the previous sweep's is (callers that sweep repeatedly keep their `order`).
 */
export function byGdpDescending(order: Int32Array, gdp: ArrayLike<number>): void {
  for (let q = 1; q < order.length; q++) {
    const i = order[q];
    const g = gdp[i];
    let r = q - 1;
    while (r >= 0 && (gdp[order[r]] < g || (gdp[order[r]] === g && order[r] > i))) {
      order[r + 1] = order[r];
      r--;
    }
    order[r + 1] = i;
  }
}

/** The coalition best responses settle on from a starting club (stable: no member leaves, no outsider joins). */
export function clubEquilibrium(
  start: Uint8Array,
  e: ClubEconomy,
  t: ClubTerms,
  maxSweeps = 100,
): Uint8Array {
  const member = Uint8Array.from(start);
  const order = identity(member.length);
  for (let k = 0; k < maxSweeps; k++)
    if (bestResponseSweep(member, e, t, undefined, order) === 0) return member;
  throw new Error(`the climate club did not settle within ${maxSweeps} sweeps`);
}

export interface ClubOutcome {
  readonly price: number;
  readonly tariff: number;
  /** Members and their share of world emissions, from the grand coalition and from an empty club. */
  readonly fromAll: { readonly members: number; readonly emissionsShare: number };
  readonly fromNone: { readonly members: number; readonly emissionsShare: number };
}

/** Stable clubs over a grid of target prices and tariffs (Nordhaus 2015, Table 3 and Figure 4 in spirit). */
export function clubOutcomes(
  e: ClubEconomy,
  base: Omit<ClubTerms, 'price' | 'tariff'>,
  prices: readonly number[],
  tariffs: readonly number[],
): ClubOutcome[] {
  const n = e.gdp.length;
  const totalEmissions = sum(e.emissions);
  const summary = (m: Uint8Array) => {
    let members = 0;
    let em = 0;
    for (let i = 0; i < n; i++) {
      members += m[i];
      em += m[i] * e.emissions[i];
    }
    return { members, emissionsShare: em / totalEmissions };
  };
  return prices.flatMap((price) =>
    tariffs.map((tariff) => {
      const t = { ...base, price, tariff };
      return {
        price,
        tariff,
        fromAll: summary(clubEquilibrium(new Uint8Array(n).fill(1), e, t)),
        fromNone: summary(clubEquilibrium(new Uint8Array(n), e, t)),
      };
    }),
  );
}
