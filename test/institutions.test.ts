/**
 * The institutions module: effectiveness and legitimacy equations, memberships that hold without politics,
 * scenario events that move states in and out, and the United States' withdrawals from the WHO and the Paris
 * Agreement moving the indicators the way the mechanisms say, explained in the event log. Without the politics module
 * (governments that leave and join on their own): test/vicious-circle.test.ts runs the two together.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RunResult, registry, simulate } from '../src/model/engine.js';
import {
  decisionSpeed,
  effectivenessTarget,
  institutionConstants,
  legitimacyTarget,
  NO_REFORMS,
  participationThreshold,
} from '../src/model/institutions/equations.js';
import type { ScenarioEvent } from '../src/model/module.js';
import { parseScenario, SCENARIO_DIR } from '../src/scenario/load.js';
import { data, modulesWithout } from './helpers.js';

/** Governments never change, leave or join on their own: runs differ only by their scenario events. */
const WITHOUT_POLITICS = modulesWithout('politics');

const params = registry.resolve();
const p = institutionConstants(params);
const SEED = 20240101;

function run(
  events: readonly ScenarioEvent[] = [],
  lastYear = 2100,
  overrides: Record<string, number> = {},
): RunResult {
  return simulate(data, {
    params: registry.resolve(overrides),
    seed: SEED,
    firstYear: data.baseYear,
    lastYear,
    events,
    modules: WITHOUT_POLITICS,
  });
}
const at = (r: RunResult, name: string, year: number) => r.global[name][year - r.years[0]];
const log = (r: RunResult) => r.tables.events.rows.map((row) => row.join(','));

describe('effectiveness and legitimacy', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  it('effectiveness never falls when coverage, funding or legitimacy rise, and never exceeds the decision speed times the funding gain', () => {
    fc.assert(
      fc.property(
        unit,
        unit,
        unit,
        unit,
        fc.double({ min: 0, max: 2, noNaN: true }),
        unit,
        unit,
        (s, c, l, dc, f, df, dl) => {
          const e = effectivenessTarget(s, c, 1, f, l, p);
          // Funding above base (the rebalancing earmark) is the one factor that can exceed 1.
          expect(e).toBeLessThanOrEqual(s * Math.max(1, f) ** p.fundingElasticity * (1 + 1e-12) + 1e-15);
          expect(effectivenessTarget(s, Math.min(1, c + dc), 1, f, l, p)).toBeGreaterThanOrEqual(e - 1e-12);
          expect(effectivenessTarget(s, c, 1, f + df, l, p)).toBeGreaterThanOrEqual(e - 1e-12);
          expect(effectivenessTarget(s, c, 1, f, Math.min(1, l + dl), p)).toBeGreaterThanOrEqual(e - 1e-12);
        },
      ),
    );
  });

  it('ranks decision rules: majority, then weighted, qualified majority, veto and consensus', () => {
    const speeds = (['majority', 'weighted', 'qualified_majority', 'veto', 'consensus'] as const).map((r) =>
      decisionSpeed(r, p, NO_REFORMS),
    );
    expect(speeds).toEqual([...speeds].sort((a, b) => b - a));
    expect(speeds[0]).toBe(1);
  });

  it('with resilient multilateralism, any coverage above the threshold acts in full, and consensus is faster', () => {
    const full = { ...NO_REFORMS, multilateralism: 1 };
    const theta = participationThreshold(p, full);
    expect(theta).toBe(p.coalitionThreshold);
    expect(effectivenessTarget(0.6, theta, theta, 1, 0.6, p)).toBe(
      effectivenessTarget(0.6, 1, theta, 1, 0.6, p),
    );
    expect(decisionSpeed('consensus', p, full)).toBeGreaterThan(decisionSpeed('consensus', p, NO_REFORMS));
  });

  it('legitimacy falls with withdrawals and non-compliance, rises with performance and representation', () => {
    const base = {
      coverage: 1,
      coverage0: 1,
      effectiveness: 0.6,
      effectiveness0: 0.6,
      noncompliance: 0,
      noncompliance0: 0,
      economic: false,
    };
    const l0 = legitimacyTarget(base, p, NO_REFORMS);
    expect(l0).toBe(p.legitimacyBase);
    expect(legitimacyTarget({ ...base, coverage: 0.8 }, p, NO_REFORMS)).toBeLessThan(l0);
    expect(legitimacyTarget({ ...base, noncompliance: 0.2 }, p, NO_REFORMS)).toBeLessThan(l0);
    expect(legitimacyTarget({ ...base, effectiveness: 0.7 }, p, NO_REFORMS)).toBeGreaterThan(l0);
    expect(legitimacyTarget(base, p, { ...NO_REFORMS, localVoices: 1 })).toBeGreaterThan(l0);
    // Rebalancing acts on the economic institutions only.
    expect(legitimacyTarget(base, p, { ...NO_REFORMS, rebalancing: 1 })).toBe(l0);
    expect(
      legitimacyTarget({ ...base, economic: true }, p, { ...NO_REFORMS, rebalancing: 1 }),
    ).toBeGreaterThan(l0);
  });
});

describe('memberships', () => {
  const base = run();

  it('hold without politics or events: no withdrawals, no accessions, 190 Paris parties every year', () => {
    expect(base.global.withdrawals_count.every((x) => x === 0)).toBe(true);
    expect(base.global.accessions_count.every((x) => x === 0)).toBe(true);
    const n = base.iso3.length;
    for (let k = 0; k < base.years.length; k++) {
      expect(base.country.paris_member.subarray(k * n, (k + 1) * n).reduce((a, b) => a + b, 0)).toBe(190);
    }
    const rows = base.tables.institutions.rows;
    expect(rows).toHaveLength(base.years.length * data.institutions.list.length);
    expect(rows.filter((r) => r[1] === 'WHO').every((r) => r[2] === 192)).toBe(true);
  });

  it('start at the base-year indicators: perceived failure 1 - legitimacy_base, full funding', () => {
    expect(at(base, 'perceived_institutional_failure', 2024)).toBeCloseTo(1 - p.legitimacyBase, 12);
    expect(base.tables.institutions.rows.filter((r) => r[0] === 2024).every((r) => r[4] === 1)).toBe(true);
  });

  it('a leave for a non-member changes nothing and says so', () => {
    const r = run([{ year: 2027, type: 'leave', iso3: 'CHN', institution: 'NATO' }], 2030);
    expect(log(r)).toContain('2027,CHN,leave,NATO: not a member; nothing changes (scenario event)');
    expect(r.global.withdrawals_count.every((x) => x === 0)).toBe(true);
  });

  it('a state that leaves and rejoins is back inside, and the institution recovers', () => {
    const out = run([{ year: 2026, type: 'leave', iso3: 'USA', institution: 'WHO' }]);
    const back = run([
      { year: 2026, type: 'leave', iso3: 'USA', institution: 'WHO' },
      { year: 2030, type: 'join', iso3: 'USA', institution: 'WHO' },
    ]);
    expect(at(back, 'health_regime_effectiveness', 2060)).toBeGreaterThan(
      at(out, 'health_regime_effectiveness', 2060),
    );
    expect(
      Math.abs(at(back, 'health_regime_effectiveness', 2060) - at(base, 'health_regime_effectiveness', 2060)),
    ).toBeLessThan(
      Math.abs(at(out, 'health_regime_effectiveness', 2060) - at(base, 'health_regime_effectiveness', 2060)),
    );
    expect(log(back).some((l) => l.startsWith('2030,USA,join,joins WHO (scenario event)'))).toBe(true);
  });

  it("funding follows the memberships: the leaver's assessed share goes, and comes back with it", () => {
    const I = data.institutions;
    const who = I.list.findIndex((d) => d.id === 'WHO');
    const usa = data.countries.iso3.indexOf('USA');
    let share = 0;
    let total = 0;
    for (let r = 0; r < I.members.institution.length; r++) {
      if (I.members.institution[r] !== who || I.members.status[r] !== 'member') continue;
      total += I.members.fundingShare[r];
      if (I.members.country[r] === usa) share = I.members.fundingShare[r];
    }
    expect(share).toBeGreaterThan(0.1);
    const back = run(
      [
        { year: 2026, type: 'leave', iso3: 'USA', institution: 'WHO' },
        { year: 2030, type: 'join', iso3: 'USA', institution: 'WHO' },
      ],
      2035,
    );
    const funding = (year: number) =>
      back.tables.institutions.rows.find((r) => r[0] === year && r[1] === 'WHO')?.[4] as number;
    for (const year of [2025, 2030, 2035]) expect(funding(year)).toBeCloseTo(1, 12);
    for (const year of [2026, 2027, 2029]) expect(funding(year)).toBeCloseTo(1 - share / total, 12);
  });
});

describe('the United States leaves the WHO and the Paris Agreement (scenarios/us-withdrawals.yaml)', () => {
  const file = `${SCENARIO_DIR}us-withdrawals.yaml`;
  const scenario = parseScenario(readFileSync(file, 'utf8'), file, data);
  const base = run();
  const us = simulate(data, {
    params: registry.resolve(scenario.parameters),
    seed: scenario.seed,
    firstYear: scenario.first_year,
    lastYear: scenario.last_year,
    events: scenario.events,
    modules: WITHOUT_POLITICS,
  });

  it('changes nothing before 2026', () => {
    for (const name of Object.keys(base.global)) expect(at(us, name, 2025), name).toBe(at(base, name, 2025));
  });

  it('moves the indicators the expected way, at once and for decades', () => {
    for (const year of [2027, 2050, 2100]) {
      expect(at(us, 'governance_capacity', year)).toBeLessThan(at(base, 'governance_capacity', year));
      expect(at(us, 'perceived_institutional_failure', year)).toBeGreaterThan(
        at(base, 'perceived_institutional_failure', year),
      );
      expect(at(us, 'internationalism_index', year)).toBeLessThan(at(base, 'internationalism_index', year));
      expect(at(us, 'health_regime_effectiveness', year)).toBeLessThan(
        at(base, 'health_regime_effectiveness', year),
      );
      expect(at(us, 'crisis_expected_losses_pct_gdp', year)).toBeGreaterThan(
        at(base, 'crisis_expected_losses_pct_gdp', year),
      );
      expect(at(us, 'co2_fossil_gtco2', year)).toBeGreaterThan(at(base, 'co2_fossil_gtco2', year));
    }
    expect(at(us, 'temperature_anomaly_k', 2100)).toBeGreaterThan(at(base, 'temperature_anomaly_k', 2100));
  });

  it("takes the US share of world GDP out of the Paris parties' share", () => {
    const i = data.countries.iso3.indexOf('USA');
    const n = data.countries.iso3.length;
    const k = 2026 - 2024;
    const usShare = us.country.gdp_billion_usd2015[k * n + i] / (1000 * us.global.gdp_trillion_usd2015[k]);
    expect(
      at(base, 'paris_participation_gdp_share', 2026) - at(us, 'paris_participation_gdp_share', 2026),
    ).toBeCloseTo(usShare, 9);
    expect(us.country.paris_member[k * n + i]).toBe(0);
  });

  it('explains the change in the event log', () => {
    const lines = log(us).filter((l) => l.startsWith('2026,USA,'));
    expect(lines.find((l) => l.startsWith('2026,USA,leave,leaves WHO (scenario event)'))).toMatch(
      /WHO has 191 members \(192 before\).*of its base-year funding.*its effectiveness, 0\.77 last year, falls toward 0\.\d\d, so pandemics cost more/,
    );
    expect(lines.find((l) => l.startsWith('2026,USA,leave,leaves PARIS (scenario event)'))).toMatch(
      /so climate cooperation weakens/,
    );
    expect(lines.find((l) => l.startsWith('2026,USA,climate-effort-down'))).toMatch(
      /out of the Paris Agreement: climate effort .* now 0\.00; its emissions drift above the current-policy path/,
    );
  });
});

describe('scenario events', () => {
  const head = 'name: t\ndescription: d\nseed: 1\nfirst_year: 2024\nlast_year: 2030\nevents:\n';
  const parse = (events: string) => parseScenario(head + events, 'x.yaml', data);
  it('accept known institutions and states', () => {
    expect(parse('  - {year: 2026, type: join, iso3: UKR, institution: EU}\n').events).toEqual([
      { year: 2026, type: 'join', iso3: 'UKR', institution: 'EU' },
    ]);
  });
  it('refuse an unknown institution or member code, naming the line', () => {
    expect(() => parse('  - year: 2026\n    type: leave\n    iso3: USA\n    institution: WHOO\n')).toThrow(
      /^x\.yaml:10: leave event: institution: unknown institution 'WHOO'; did you mean WHO/,
    );
    expect(() => parse('  - {year: 2026, type: join, iso3: USX, institution: WHO}\n')).toThrow(
      /^x\.yaml:7: join event: iso3: unknown country code 'USX'; did you mean USA/,
    );
  });
});
