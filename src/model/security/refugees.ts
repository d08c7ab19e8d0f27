/**
 * Refugees from the model's wars: who flees, where to, and who goes home.
 *
 * Each year a war site (the weaker side of a pair at war) loses a share of its population abroad. A share of
 * them go to land neighbours not at war with it (or, for a state without one, to neighbours across at most
 * 150 miles of water), split by the hosts' population; the rest go to every other state not at war with it,
 * split by GDP (UNHCR: about 70 % stay in neighbouring countries). Refugees return at a yearly rate once
 * their country is at peace; hosts give them back in proportion to the refugees they hold (origins and
 * destinations are not tracked pair by pair). Refugees hosted by a state that becomes a war site flee
 * onward with its people, so no state gives back more refugees than it holds. Population is conserved:
 * departures equal arrivals.
 */

export interface RefugeeStocks {
  /** Refugees from each state still abroad, thousand. */
  readonly abroad: Float64Array;
  /** Refugees each state hosts, thousand. */
  readonly hosted: Float64Array;
}

export interface RefugeeInputs {
  readonly site: Uint8Array;
  readonly atWar: ArrayLike<number>;
  /** Whether states a and b are at war with each other. */
  readonly fighting: (a: number, b: number) => boolean;
  readonly population: ArrayLike<number>;
  readonly gdp: ArrayLike<number>;
  readonly landNeighbours: readonly Int32Array[];
  readonly nearNeighbours: readonly Int32Array[];
  readonly outflowShare: number;
  readonly neighbourShare: number;
  readonly returnRate: number;
}

/**
 * One year: updates the stocks and writes each state's arrivals of new refugees (`inflow`) and its net
 * population change from refugees, departures and returns included (`net`), both in thousand people.
 */
export function refugeeYear(
  x: RefugeeInputs,
  stocks: RefugeeStocks,
  inflow: Float64Array,
  net: Float64Array,
): void {
  const n = inflow.length;
  inflow.fill(0);
  net.fill(0);
  const open = new Uint8Array(n);
  for (let o = 0; o < n; o++) {
    if (!x.site[o]) continue;
    let farGdp = 0;
    for (let d = 0; d < n; d++) {
      open[d] = d !== o && !x.fighting(o, d) ? 1 : 0;
      if (open[d]) farGdp += x.gdp[d];
    }
    if (!(farGdp > 0)) continue; // nowhere to go
    // Refugees the site was hosting flee with everyone else: they stay refugees of their own country and
    // move on to new hosts, so only the rest are new refugees from this one.
    const outflow = x.outflowShare * x.population[o] * 1000;
    const onward = x.outflowShare * stocks.hosted[o];
    stocks.hosted[o] -= onward;
    stocks.abroad[o] += outflow - onward;
    net[o] -= outflow;
    let hosts = x.landNeighbours[o].filter((d) => open[d] === 1);
    if (hosts.length === 0) hosts = x.nearNeighbours[o].filter((d) => open[d] === 1);
    const nearShare = hosts.length > 0 ? x.neighbourShare : 0;
    let hostPopulation = 0;
    for (const d of hosts) hostPopulation += x.population[d];
    const arrive = (d: number, people: number) => {
      inflow[d] += people;
      net[d] += people;
      stocks.hosted[d] += people;
    };
    for (const d of hosts) arrive(d, (outflow * nearShare * x.population[d]) / hostPopulation);
    for (let d = 0; d < n; d++) if (open[d]) arrive(d, (outflow * (1 - nearShare) * x.gdp[d]) / farGdp);
  }
  let returning = 0;
  for (let o = 0; o < n; o++) {
    if (x.atWar[o] || stocks.abroad[o] <= 0) continue;
    const back = x.returnRate * stocks.abroad[o];
    stocks.abroad[o] -= back;
    net[o] += back;
    returning += back;
  }
  if (returning > 0) {
    let hostedTotal = 0;
    for (let d = 0; d < n; d++) hostedTotal += stocks.hosted[d];
    for (let d = 0; d < n; d++) {
      const leave = (returning * stocks.hosted[d]) / hostedTotal;
      stocks.hosted[d] -= leave;
      net[d] -= leave;
    }
  }
}
