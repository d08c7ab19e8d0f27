/**
 * Trade: protectionism and trade wars in general equilibrium.
 *
 * Each year the module applies the scenario's tariff and decoupling events, lets partners answer new
 * tariffs with their own (retaliation), and, when tariffs or trade costs changed, solves the one-sector
 * Armington model in changes from the base year (../trade/solver.ts; Dekle, Eaton and Kortum 2007;
 * Costinot and Rodriguez-Clare 2014), warm-started from last year's solution. Each country's real income
 * change relative to the base-year equilibrium reaches GDP through the economy's loss channel the next
 * year. Base-year tariffs are zero; `tariff_pct` holds applied tariffs, not changes, and other modules
 * (politics, institutions) may write to it: whatever it holds is what the next step solves.
 *
 * Retaliation: when importer i raises its tariff on j (for any reason other than retaliation), j answers
 * with probability p (1 - d W) + s (stance_j - 1), with W the WTO's effectiveness (an institutions
 * output when present) and stance_j j's government stance (politics; 1 = mixed when absent), setting its
 * own tariff on i to r times i's. Retaliatory tariffs follow their trigger and end with it; they are not
 * answered in turn.
 *
 * Decoupling: an extra iceberg cost between the rival blocs of data/raw/trade_blocs.csv (formal
 * alliances around the United States and around China and Russia).
 */
import type { Context, Module, ScenarioEvent } from '../module.js';
import type { Params } from '../registry.js';
import type { WorldState } from '../state.js';
import { baselineFromFlows, type TradeBaseline } from '../trade/baseline.js';
import { decouplingEvent, tariffEvent, tariffValue } from '../trade/events.js';
import { TradeSolveError, TradeSolver } from '../trade/solver.js';
import type { WorldData } from '../world-data.js';

/** Deficit scales tried, in order, when fixed imbalances cannot be financed at this year's tariffs. */
const DEFICIT_FALLBACK = [1, 0.5, 0.25, 0] as const;
/**
 * The yearly loop solves to a largest relative excess demand of 1e-6 (1e-5 accepted where rounding stalls
 * progress), not the solver's default 1e-12: a millionth of each country's income is far below anything GDP or
 * the other modules resolve (world GDP on the baseline moves by 4e-9 relative against a 1e-10 solve, and no
 * election or withdrawal changes), and a re-solve takes 7 iterations instead of 12.5. `worldorder trade` keeps
 * the solver's defaults.
 */
export const LOOP_TOLERANCE = { tolerance: 1e-6, acceptTolerance: 1e-5 } as const;
const DEVELOPING = new Set(['low_income', 'lower_middle_income', 'upper_middle_income']);

interface TradeInternal {
  base: TradeBaseline;
  solver: TradeSolver;
  /** The tariffs of the last solve, to detect raises. */
  lastTariff: Float64Array;
  /** The value of the global tariff_revision at the last solve. */
  revision: number;
  /** 1 where a tariff is a retaliation (tariff_pct[j * n + i] answers tariff_pct[i * n + j]). */
  retaliatory: Uint8Array;
  /**
   * On a retaliated pair, the importer's own tariff without the retaliation (its policy, e.g. a government's
   * tariff on every partner): a retaliation never lowers it, and ending one returns to it.
   */
  ownTariff: Float64Array;
  /** The indices flagged in `retaliatory`. */
  retaliations: number[];
  /** Extra iceberg cost between rival blocs (% of value), [importer * n + exporter]; null for none. */
  cost: Float64Array | null;
  bloc: readonly string[];
  /** The module's own random stream (a fork of the run's generator). */
  rng: () => number;
  /** Base-year GDP (nominal GDP in the counterfactual is wage change x base-year GDP). */
  gdp0: Float64Array;
  /** 1 for low- and middle-income countries. */
  developing: Uint8Array;
}

/** The base-year trade equilibrium (a pure function of the data, built once per dataset). */
const BASELINES = new WeakMap<WorldData, TradeBaseline>();

function baselineOf(data: WorldData): TradeBaseline {
  let base = BASELINES.get(data);
  if (!base) {
    base = baselineFromFlows(data.countries.iso3.length, data.tradeLabor.flows_billion_usd2015);
    BASELINES.set(data, base);
  }
  return base;
}

function setDecoupling(t: TradeInternal, pct: number): void {
  const n = t.base.n;
  t.cost ??= new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = t.bloc[i];
      const b = t.bloc[j];
      t.cost[i * n + j] = a !== '' && b !== '' && a !== b ? pct : 0;
    }
  }
}

function retaliationProbability(state: WorldState, p: Params, j: number): number {
  const wto = state.global.trade_regime_effectiveness ?? p['trade.wto_effectiveness_default'];
  const stance = state.country.government_stance?.[j] ?? 1;
  const prob =
    p['trade.retaliation_probability'] * (1 - p['trade.wto_damping'] * wto) +
    p['trade.retaliation_stance_effect'] * (stance - 1);
  return Math.min(1, Math.max(0, prob));
}

/** Solves at this year's tariffs and costs, scaling imbalances down only if they cannot be financed. */
function solve(t: TradeInternal, tariff: Float64Array, year: number, log: (a: string, d: string) => void) {
  for (const scale of DEFICIT_FALLBACK) {
    try {
      t.solver.solve({ tariffPct: tariff, icebergPct: t.cost }, { ...LOOP_TOLERANCE, deficitScale: scale });
      if (scale !== 1) {
        log(
          'imbalances scaled',
          `${year}: at these tariffs the base-year trade imbalances cannot be financed; solved with deficits x${scale}`,
        );
      }
      return;
    } catch (err) {
      if (!(err instanceof TradeSolveError) || scale === 0) throw err;
    }
  }
}

function publish(state: WorldState, t: TradeInternal): void {
  const { n } = t.base;
  const c = state.country;
  const s = t.solver;
  let trade = 0;
  let gdp = 0;
  let world = 0;
  let worldWeight = 0;
  let dev = 0;
  let devWeight = 0;
  for (let i = 0; i < n; i++) {
    const nominalGdp = s.wage[i] * t.gdp0[i];
    c.real_income_change_pct[i] = 100 * (s.realIncome[i] - 1);
    c.trade_loss_fraction[i] = 1 - s.realIncome[i];
    c.trade_pct_gdp[i] = (100 * (s.imports[i] + s.exports[i])) / nominalGdp;
    c.imports_pct_gdp[i] = (100 * s.imports[i]) / nominalGdp;
    trade += s.imports[i] + s.exports[i];
    gdp += nominalGdp;
    world += t.base.expenditure[i] * s.realIncome[i];
    worldWeight += t.base.expenditure[i];
    if (t.developing[i]) {
      dev += t.gdp0[i] * s.realIncome[i];
      devWeight += t.gdp0[i];
    }
  }
  state.global.world_trade_pct_gdp = (100 * trade) / gdp;
  state.global.trade_welfare_change_pct = 100 * (world / worldWeight - 1);
  state.global.developing_welfare_change_pct = 100 * (dev / devWeight - 1);
  const flows = state.dyad.trade_flow_billion_usd2015;
  s.flows(flows);
  for (let i = 0; i < n; i++) flows[i * n + i] = 0;
}

/** The pairs (importer * n + exporter) whose tariff rose, retaliations excluded, in ascending order. */
function raised(n: number, tariff: Float64Array, last: Float64Array, retaliatory: Uint8Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < n * n; k++)
    if (tariff[k] > last[k] && !retaliatory[k] && k % (n + 1) !== 0) out.push(k);
  return out;
}

/** Partners answer this year's new tariffs; retaliatory tariffs follow the tariffs they answer. */
function retaliate(state: WorldState, t: TradeInternal, ctx: Context, year: number): void {
  const n = state.n;
  if (t.lastTariff.length === 0) {
    t.lastTariff = new Float64Array(n * n);
    t.retaliatory = new Uint8Array(n * n);
    t.ownTariff = new Float64Array(n * n);
  }
  const tariff = state.dyad.tariff_pct;
  // Other modules' moves of a retaliated pair since the last solve change the importer's own tariff.
  for (const k of t.retaliations)
    if (t.retaliatory[k]) t.ownTariff[k] = Math.max(0, t.ownTariff[k] + tariff[k] - t.lastTariff[k]);
  const { params, data } = ctx;
  const iso3 = data.countries.iso3;
  const size = params['trade.retaliation_size'];
  const probability = Float64Array.from({ length: n }, (_, j) => retaliationProbability(state, params, j));
  // One log line per retaliating country: whom it answers.
  const answered: string[][] = Array.from({ length: n }, () => []);
  for (const k of raised(n, tariff, t.lastTariff, t.retaliatory)) {
    // Answering an earlier pair in this loop may have made this one a retaliation.
    if (t.retaliatory[k]) continue;
    const i = Math.floor(k / n);
    const j = k - i * n;
    const answer = j * n + i;
    // Already answered: a retaliation, or j raised its own tariff on i this year too.
    if (t.retaliatory[answer] || tariff[answer] > t.lastTariff[answer]) continue;
    if (t.rng() >= probability[j]) continue;
    t.retaliatory[answer] = 1;
    t.ownTariff[answer] = tariff[answer];
    t.retaliations.push(answer);
    answered[j].push(`${iso3[i]} ${tariff[k]} %`);
  }
  answered.forEach((list, j) => {
    if (list.length === 0) return;
    const shown =
      list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', ');
    const level = size === 1 ? 'matching tariffs' : `tariffs ${size} times as high`;
    ctx.log(year, iso3[j], 'retaliation', `answers the new tariffs of ${shown} with ${level}`);
  });
  t.retaliations = t.retaliations.filter((k) => {
    const trigger = (k % n) * n + Math.floor(k / n);
    if (!t.retaliatory[k]) return false;
    tariff[k] = Math.max(t.ownTariff[k], size * tariff[trigger]);
    if (tariff[trigger] > 0) return true;
    t.retaliatory[k] = 0;
    tariff[k] = t.ownTariff[k];
    return false;
  });
}

/**
 * Each importer's tariff weighted by base-year imports into `applied`; returns the world's. Prohibitive
 * tariffs are excluded. (A function of typed arrays alone, so that V8 keeps one fast version of the loop.)
 */
function weightedTariffs(
  n: number,
  tariff: Float64Array,
  flows: Float64Array,
  applied: Float64Array,
): number {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let si = 0;
    let wi = 0;
    for (let j = 0; j < n; j++) {
      const v = tariff[row + j];
      if (i === j || !Number.isFinite(v)) continue;
      si += flows[row + j] * v;
      wi += flows[row + j];
    }
    applied[i] = wi > 0 ? si / wi : 0;
    sum += si;
    weight += wi;
  }
  return sum / weight;
}

function meanTariff(state: WorldState, t: TradeInternal): void {
  const { n, flows } = t.base;
  state.global.mean_tariff_pct = weightedTariffs(
    n,
    state.dyad.tariff_pct,
    flows,
    state.country.applied_tariff_pct,
  );
}

function applyEvent(state: WorldState, t: TradeInternal, e: ScenarioEvent, data: WorldData): string {
  const n = t.base.n;
  const iso3 = data.countries.iso3;
  if (e.type === 'decoupling') {
    setDecoupling(t, e.cost_pct as number);
    return `extra trade cost between rival blocs set to ${e.cost_pct} %`;
  }
  const value = tariffValue(e.tariff_pct as number | string);
  const side = (code: string) => (code === '*' ? iso3.map((_, i) => i) : [iso3.indexOf(code)]);
  for (const i of side(e.importer as string)) {
    for (const j of side(e.exporter as string)) {
      if (i === j) continue;
      state.dyad.tariff_pct[i * n + j] = value;
      t.retaliatory[i * n + j] = 0;
    }
  }
  return `tariff on imports from ${e.exporter} set to ${e.tariff_pct} %`;
}

export const trade: Module = {
  name: 'trade',
  summary:
    'Tariffs, retaliation and decoupling in one-sector Armington general equilibrium, solved in changes from the base year (exact hat algebra).',
  params: [
    {
      id: 'trade.elasticity',
      default: 5,
      min: 3,
      max: 8,
      distribution: 'triangular',
      units: 'dimensionless',
      source:
        'Costinot and Rodriguez-Clare (2014), Handbook of International Economics 4 ch. 4, use 5; Simonovska and Waugh (2014), J. Int. Econ. 92(1), estimate about 4; Head and Mayer (2014) survey 3-8',
      description: 'Trade elasticity eps: the elasticity of bilateral imports to trade costs and tariffs.',
    },
    {
      id: 'trade.decoupling_cost_pct',
      default: 0,
      min: 0,
      max: 50,
      distribution: 'uniform',
      units: '% of value',
      source:
        'Lever (neutral 0). Geoeconomic fragmentation scenarios raise trade costs between blocs by tens of percent (Aiyar et al. 2023, IMF Staff Discussion Note SDN/2023/001)',
      description: 'Extra iceberg trade cost between the rival blocs from the first simulated year.',
      lever: 'driver',
    },
    {
      id: 'trade.retaliation_probability',
      default: 0.5,
      min: 0.2,
      max: 0.9,
      distribution: 'triangular',
      units: 'probability',
      source:
        'Assumption informed by 2018-2019: China, the EU, Canada, Mexico, India, Turkey and Russia answered the US tariffs, most smaller partners did not (Fajgelbaum et al. 2020, QJE 135(1); Bown 2021, PIIE)',
      description:
        'Probability that a partner answers a new tariff with its own, before WTO and stance effects.',
    },
    {
      id: 'trade.retaliation_size',
      default: 1,
      min: 0.5,
      max: 1.2,
      distribution: 'triangular',
      units: 'ratio',
      source:
        'Fajgelbaum et al. (2020), QJE 135(1): retaliatory tariffs on US goods were of the same size as the US tariffs (tit for tat)',
      description: 'Retaliatory tariff as a multiple of the tariff it answers.',
    },
    {
      id: 'trade.wto_damping',
      default: 0.5,
      min: 0,
      max: 1,
      distribution: 'uniform',
      units: 'fraction',
      source:
        'Assumption: a fully effective dispute settlement halves retaliation (authorized retaliation replaces unilateral; Bown 2009, Self-Enforcing Trade)',
      description: 'Share by which a fully effective WTO lowers the probability of retaliation.',
    },
    {
      id: 'trade.wto_effectiveness_default',
      default: 0.4,
      min: 0,
      max: 1,
      distribution: 'uniform',
      units: '0..1',
      source:
        'Assumption, used when no institutions module publishes trade_regime_effectiveness: the WTO Appellate Body has had no quorum since December 2019',
      description: 'WTO effectiveness when the institutions module does not provide one.',
    },
    {
      id: 'trade.retaliation_stance_effect',
      default: 0.15,
      min: 0,
      max: 0.3,
      distribution: 'uniform',
      units: 'probability per stance step',
      source:
        'Assumption: nationalist-populist governments retaliate more readily, internationalist ones less (stance 0, 1, 2 from the politics module; 1 when absent)',
      description: 'Change in the retaliation probability per step of government stance above mixed.',
    },
  ],
  countryVars: [
    {
      name: 'real_income_change_pct',
      units: '%',
      description:
        'Real income (expenditure over the CES price index) relative to the base-year trade equilibrium',
      output: true,
    },
    {
      name: 'trade_pct_gdp',
      units: '% of GDP',
      description: 'Exports plus imports of goods and services over GDP',
      output: true,
    },
    {
      name: 'applied_tariff_pct',
      units: '%',
      description:
        'Mean tariff the country applies, weighted by base-year imports (prohibitive tariffs excluded)',
      output: true,
    },
    { name: 'imports_pct_gdp', units: '% of GDP', description: 'Imports over GDP (read by labor)' },
    {
      name: 'trade_loss_fraction',
      units: 'fraction of GDP',
      description:
        'Real income lost to tariffs and trade costs, relative to the base year (negative: a gain)',
      lossChannel: true,
    },
  ],
  dyadVars: [
    {
      name: 'tariff_pct',
      units: '%',
      description:
        'Applied ad valorem tariff of the importer (row) on the exporter (column); Infinity is prohibitive',
    },
    {
      name: 'trade_flow_billion_usd2015',
      units: 'billion USD (2015 prices) at base-year world income',
      description:
        "Imports of the row country from the column country at this year's tariffs, pre-tariff value",
    },
  ],
  globalVars: [
    {
      name: 'tariff_revision',
      units: 'count',
      description:
        'Incremented by any module that writes tariff_pct; the trade module re-solves (and partners may retaliate) when it changes',
    },
    {
      name: 'trade_solves',
      units: 'count',
      description:
        'Trade equilibria solved so far this run: modules may cache what depends on trade flows until it changes',
    },
    {
      name: 'world_trade_pct_gdp',
      units: '% of GDP',
      description: 'World exports plus imports over world GDP',
      output: true,
    },
    {
      name: 'mean_tariff_pct',
      units: '%',
      description: 'World mean tariff, weighted by base-year imports (prohibitive tariffs excluded)',
      output: true,
    },
    {
      name: 'trade_welfare_change_pct',
      units: '%',
      description: 'World real income relative to the base-year trade equilibrium (expenditure-weighted)',
      output: true,
    },
    {
      name: 'developing_welfare_change_pct',
      units: '%',
      description: 'Real income of low- and middle-income countries (GDP-weighted) relative to the base year',
      output: true,
    },
  ],
  events: [tariffEvent, decouplingEvent],

  init(state, { data, params, rng }) {
    const base = baselineOf(data);
    const stream = rng.fork();
    const t: TradeInternal = {
      base,
      solver: new TradeSolver(base, params['trade.elasticity']),
      // Allocated when first needed: a run without tariffs or decoupling never touches them.
      lastTariff: new Float64Array(0),
      revision: 0,
      retaliatory: new Uint8Array(0),
      ownTariff: new Float64Array(0),
      retaliations: [],
      cost: null,
      bloc: data.tradeLabor.bloc,
      rng: () => stream.uniform(),
      gdp0: Float64Array.from(data.base.gdp_billion_usd2015),
      developing: Uint8Array.from(data.tradeLabor.incomeGroup, (g) => (DEVELOPING.has(g) ? 1 : 0)),
    };
    state.internal.trade = t;
    state.dyad.tariff_pct.fill(0);
    state.global.tariff_revision = 0;
    state.global.trade_solves = 0;
    publish(state, t);
    state.country.applied_tariff_pct.fill(0);
    state.global.mean_tariff_pct = 0;
  },

  step(state, year, ctx) {
    const t = state.internal.trade as TradeInternal;
    const { params, data } = ctx;
    let costChanged = false;
    if (year === data.baseYear + 1 && params['trade.decoupling_cost_pct'] > 0) {
      setDecoupling(t, params['trade.decoupling_cost_pct']);
      costChanged = true;
    }
    for (const e of ctx.eventsIn(year)) {
      if (e.type !== 'tariff' && e.type !== 'decoupling') continue;
      ctx.log(
        year,
        e.type === 'tariff' ? (e.importer as string) : '*',
        e.type,
        applyEvent(state, t, e, data),
      );
      if (e.type === 'tariff') state.global.tariff_revision++;
      else costChanged = true;
    }
    // Tariffs changed (here, or by another module that bumped tariff_revision): retaliation, then a solve.
    const tariffChanged = state.global.tariff_revision !== t.revision;
    if (tariffChanged) {
      retaliate(state, t, ctx, year);
      t.lastTariff.set(state.dyad.tariff_pct);
      t.revision = state.global.tariff_revision;
    }
    if (tariffChanged || costChanged) {
      solve(t, state.dyad.tariff_pct, year, (action, detail) => ctx.log(year, '*', action, detail));
      state.global.trade_solves++;
      publish(state, t);
      meanTariff(state, t);
    }
  },
};
