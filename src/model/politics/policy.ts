/**
 * What governments do: a policy table maps each stance to a level of each policy, and a new government
 * moves every policy by the table's difference between its stance and its predecessor's. The base year's
 * policies, whatever its governments' stances, are the reference (they are in the base-year data already).
 *
 * Tariffs go into the trade module's tariff matrix (dyad `tariff_pct`, importer-major) when it exists;
 * migration openness is read by the politics module's own immigration stock; military spending moves the
 * security module's `military_spending_pct_gdp` when it exists. Aid and climate ambition are logged as
 * intentions (cooperation sets climate effort from the stance itself); withdrawals from institutions are the
 * institutions module's, drawn from the stance.
 */
import type { Context } from '../module.js';
import type { Params } from '../registry.js';
import type { WorldState } from '../state.js';
import { STANCES } from './elections.js';

export interface PolicyTable {
  /** By stance (0, 1, 2): added tariff on imports from every partner, percentage points. */
  readonly tariffPct: readonly number[];
  /** By stance: change of official development aid, fraction of the base-year level. */
  readonly aidChange: readonly number[];
  /** By stance: immigrant admissions relative to the base year. */
  readonly migrationOpenness: readonly number[];
  /** By stance: climate mitigation effort relative to the base year. */
  readonly climateAmbition: readonly number[];
  /** By stance: change of military spending, fraction of the base-year level. */
  readonly militaryChange: readonly number[];
}

/** The internationalist column is the base-year level: no change, full openness and ambition. */
export function policyTable(p: Params): PolicyTable {
  return {
    tariffPct: [0, p['politics.tariff_mixed_pct'], p['politics.tariff_nationalist_pct']],
    aidChange: [0, p['politics.aid_change_mixed'], p['politics.aid_change_nationalist']],
    migrationOpenness: [
      1,
      p['politics.migration_openness_mixed'],
      p['politics.migration_openness_nationalist'],
    ],
    climateAmbition: [1, p['politics.climate_ambition_mixed'], p['politics.climate_ambition_nationalist']],
    militaryChange: [0, p['politics.military_change_mixed'], p['politics.military_change_nationalist']],
  };
}

const pct = (x: number) => `${x > 0 ? '+' : ''}${Math.round(100 * x)} %`;

/** A government of stance `to` replaces one of stance `from` in country i: apply and log its actions. */
export function takeOffice(
  state: WorldState,
  i: number,
  from: number,
  to: number,
  year: number,
  ctx: Context,
  table: PolicyTable,
): void {
  const iso3 = ctx.data.countries.iso3[i];
  const who = `${STANCES[to]} government`;
  const log = (action: string, detail: string) => ctx.log(year, iso3, action, detail);

  const dTariff = table.tariffPct[to] - table.tariffPct[from];
  if (dTariff !== 0) {
    const tariff = state.dyad.tariff_pct;
    const what = `${dTariff > 0 ? 'raises' : 'lowers'} its tariff on imports from every partner by ${Math.abs(dTariff)} percentage points`;
    if (tariff) {
      const n = state.n;
      for (let j = 0; j < n; j++) if (j !== i) tariff[i * n + j] = Math.max(0, tariff[i * n + j] + dTariff);
      // The trade module re-solves its equilibrium (next year, as it runs before politics) when this moves.
      state.global.tariff_revision++;
      log('tariff', `${who} ${what}`);
    } else {
      log('tariff_intention', `${who} ${what} (no trade module: recorded as an intention)`);
    }
  }
  const dOpen = table.migrationOpenness[to] - table.migrationOpenness[from];
  if (dOpen !== 0) {
    const openness = state.country.migration_openness;
    openness[i] = Math.max(0, openness[i] + dOpen);
    log(
      'migration_policy',
      `${who} sets immigrant admissions to ${Math.round(100 * openness[i])} % of the base year`,
    );
  }
  const military = state.country.military_spending_pct_gdp;
  const dMilitary = (1 + table.militaryChange[to]) / (1 + table.militaryChange[from]);
  if (military && dMilitary !== 1) {
    military[i] *= dMilitary;
    log(
      'military_spending',
      `${who} changes military spending by ${pct(dMilitary - 1)}, to ${military[i].toFixed(2)} % of GDP`,
    );
  }
  const intentions: [string, readonly number[]][] = [
    ['official development aid', table.aidChange],
    ['climate mitigation effort', table.climateAmbition],
  ];
  if (!military) intentions.push(['military spending', table.militaryChange]);
  const changes = intentions.flatMap(([what, by]) =>
    by[to] === by[from] ? [] : [`${what} ${pct(by[to] - by[from])}`],
  );
  if (changes.length > 0)
    log('policy_intention', `${who}: ${changes.join(', ')} (recorded for later modules)`);
}
