/**
 * The web explorer's logic, in Node: the worker's path to a run gives the CLI's files byte for byte; the URL
 * holds every change from the baseline and a broken one falls back to the baseline with a reason; the
 * attribution of a change adds up; the levers and the causal system refer to the model as it is.
 * The browser itself is tested in test/e2e/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableLevers, LEVER_GROUPS } from '../src/essay/levers.js';
import { HEADLINES, SYSTEM_EDGES, SYSTEM_NODES } from '../src/essay/system.js';
import { type RunResult, registry, simulate } from '../src/model/engine.js';
import { MODULES } from '../src/model/modules/index.js';
import { countriesCsv, globalCsv } from '../src/output/run-files.js';
import { SCENARIO_DIR, shippedScenarios } from '../src/scenario/load.js';
import { runOptions } from '../src/scenario/run-options.js';
import { partsBetween, shapley } from '../web/src/lib/contributions.js';
import { checkFinite } from '../web/src/lib/finite.js';
import type { RunState } from '../web/src/lib/run-state.js';
import { scenarioYaml } from '../web/src/lib/scenario-yaml.js';
import { BASELINE, decodeState, encodeState, shippedRun } from '../web/src/lib/url.js';
import { cli, data, tempDir } from './helpers.js';

const ctx = {
  scenarios: Object.fromEntries(
    shippedScenarios().map((n) => [n, readFileSync(join(SCENARIO_DIR, `${n}.yaml`), 'utf8')]),
  ),
  data,
  registry,
};
const levers = availableLevers(registry).flatMap((g) => g.levers);
const titles = Object.fromEntries(LEVER_GROUPS.map((g) => [g.id, g.title]));
const explorerRun = (run: RunState): RunResult => simulate(data, runOptions(run));

describe('explorer runs are the CLI runs', () => {
  it('the same scenario, levers and seed give byte-identical global.csv and countries.csv', () => {
    const run: RunState = {
      ...shippedRun(BASELINE, ctx),
      overrides: { 'climate.tcr': 2.1, 'economy.frontier_growth': 0.0123 },
      seed: 77,
    };
    const r = explorerRun(run);
    const dir = tempDir();
    const out = cli([
      'run',
      'baseline',
      '--out',
      dir,
      '--no-charts',
      '--seed',
      '77',
      '--set',
      'climate.tcr=2.1',
      '--set',
      'economy.frontier_growth=0.0123',
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(globalCsv(r)).toBe(readFileSync(join(dir, 'global.csv'), 'utf8'));
    expect(countriesCsv(r)).toBe(readFileSync(join(dir, 'countries.csv'), 'utf8'));
  });

  it('the downloaded scenario file reproduces the run with `worldorder run`', () => {
    const run: RunState = { ...shippedRun(BASELINE, ctx), overrides: { 'climate.ecs': 3.4 }, seed: 5 };
    const dir = tempDir();
    const file = join(dir, 'explorer.yaml');
    writeFileSync(file, scenarioYaml(run));
    const out = cli(['run', file, '--out', join(dir, 'out'), '--no-charts']);
    expect(out.status, out.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'global.csv'), 'utf8')).toBe(globalCsv(explorerRun(run)));
  });
});

describe('the URL', () => {
  const leverIds = levers.map((l) => l.id);
  const arbOverrides = fc
    .subarray(leverIds, { minLength: 0 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) => {
          const d = registry.get(id)!;
          // -0 reads back as 0: the same run.
          return fc
            .double({ min: d.min, max: d.max, noNaN: true })
            .map((v) => [id, v === 0 ? 0 : v] as const);
        }),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs));

  it('round-trips every lever setting and seed exactly', () => {
    fc.assert(
      fc.property(arbOverrides, fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 })), (overrides, seed) => {
        const run: RunState = { ...shippedRun(BASELINE, ctx), overrides, seed: seed ?? undefined };
        const back = decodeState(encodeState(run, { tab: 'map', year: 2050, country: 'IND' }), ctx, 'charts');
        expect(back.error).toBeUndefined();
        expect(back.run.overrides).toEqual(overrides);
        expect(back.run.seed).toBe(seed ?? undefined);
        expect(back.view).toMatchObject({ tab: 'map', year: 2050, country: 'IND' });
        expect(runOptions(back.run)).toEqual(runOptions(run));
      }),
      { numRuns: 60 },
    );
  });

  it('carries a loaded scenario file, text and all', () => {
    const text = `${ctx.scenarios.baseline}\n# ünïcode survives\n`.replace('seed: 20240101', 'seed: 3');
    const withFile: RunState = { ...shippedRun(BASELINE, ctx), source: { name: 'mine.yaml', text } };
    const back = decodeState(encodeState(withFile, { tab: 'charts' }), ctx, 'charts');
    expect(back.error).toBeUndefined();
    expect(back.run.source).toEqual({ name: 'mine.yaml', text });
    expect(back.run.scenario.seed).toBe(3);
  });

  it.each([
    ['#s=baseline&set=climate.ecss:3', /climate\.ecss.*did you mean climate\.ecs/],
    ['#set=climate.ecs:9', /'climate\.ecs' = 9 is out of range \[2, 5\] K/],
    ['#set=climate.ecs:abc', /climate\.ecs.*must be a finite number/],
    ['#set=climate.ecs', /set=: expected id:value, got 'climate\.ecs'/],
    ['#seed=-4', /seed=: the seed must be a whole number/],
    ['#s=retreat-nowhere', /unknown scenario 'retreat-nowhere'/],
    ['#yaml=!!!', /yaml=: the scenario in it is not valid base64url text/],
    [
      `#file=x.yaml&yaml=${Buffer.from('name: x\nseed: [').toString('base64url')}`,
      /x\.yaml:2: malformed YAML/,
    ],
    ['#c=XXX', /c=: unknown country code 'XXX'/],
    ['#year=20x0', /year=: the year must be a whole year/],
    ['#cmp=nope', /cmp=: unknown scenario 'nope'/],
  ])('a broken link %s says what is wrong and opens the baseline', (hash, reason) => {
    const d = decodeState(hash, ctx, 'charts');
    expect(d.error).toMatch(reason);
    expect(d.error).toMatch(/Showing the baseline instead\.$/);
    expect(d.run.source.name).toBe(BASELINE);
    expect(d.run.overrides).toEqual({});
  });
});

describe('attribution of a change to its causes', () => {
  const base = runOptions(shippedRun(BASELINE, ctx));
  const warming2100 = (r: RunResult) => r.global.temperature_anomaly_k[r.years.indexOf(2100)];
  const run = (o: typeof base) => simulate(data, o);

  it('has nothing to attribute when the run is the baseline', () => {
    expect(partsBetween(base, base, registry, levers, titles)).toEqual([]);
  });

  it('gives one change all of the difference', () => {
    const current = { ...base, params: { ...base.params, 'climate.intensity_decline': 0.03 } };
    const parts = partsBetween(base, current, registry, levers, titles);
    expect(parts.map((p) => p.label)).toEqual(['Decline of carbon intensity']);
    const [phi] = shapley(parts, base, current, run, warming2100);
    expect(phi).toBeCloseTo(warming2100(run(current)) - warming2100(run(base)), 12);
  });

  it('splits any set of lever moves so that the parts add up to the total (efficiency)', () => {
    fc.assert(
      fc.property(
        fc.subarray(
          levers.map((l) => l.id),
          { minLength: 1, maxLength: 8 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ids, u) => {
          const params = { ...base.params };
          for (const id of ids) {
            const d = registry.get(id)!;
            params[id] = d.min + u * (d.max - d.min);
          }
          const current = { ...base, params };
          const parts = partsBetween(base, current, registry, levers, titles);
          expect(parts.length).toBeLessThanOrEqual(6);
          const phi = shapley(parts, base, current, run, warming2100);
          let total: number;
          try {
            total = warming2100(run(current)) - warming2100(run(base));
          } catch {
            return; // parameters that cannot go together (TCR above ECS): the page refuses them
          }
          const sum = phi.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - total)).toBeLessThan(1e-9 * Math.max(1, Math.abs(total)));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a lever that does not act on the indicator gets nothing (null player)', () => {
    const current = {
      ...base,
      // A club tariff without a club (its price is 0) and a cost per job without job creation (no spending on
      // local industry) change nothing at all.
      params: { ...base.params, 'cooperation.club_tariff_pct': 5, 'labor.cost_per_job_gdppc': 4 },
    };
    const pop = (r: RunResult) => r.global.population_million[r.years.length - 1];
    const parts = partsBetween(base, current, registry, levers, titles);
    const phi = shapley(parts, base, current, run, pop);
    expect(phi.every((x) => Math.abs(x) < 1e-9)).toBe(true);
  });
});

describe('levers and the causal system', () => {
  it('shows every curated lever the registry has (the first of its ids), with its range and units', () => {
    const shown = availableLevers(registry);
    const ids = shown.flatMap((g) => g.levers.map((l) => l.id));
    const expected = LEVER_GROUPS.flatMap((g) =>
      g.levers.flatMap((l) => l.ids.find((id) => registry.has(id)) ?? []),
    );
    expect(ids).toEqual(expected);
    for (const l of shown.flatMap((g) => g.levers)) {
      expect(l.def.min, l.id).toBeLessThan(l.def.max);
      expect(l.def.units, l.id).not.toBe('');
    }
    const curated = LEVER_GROUPS.flatMap((g) => g.levers.flatMap((l) => l.ids));
    expect(new Set(curated).size).toBe(curated.length);
  });

  it('keeps the most influential parameters, which exist today', () => {
    const group = LEVER_GROUPS.find((g) => g.id === 'influential')!;
    expect(group.levers.filter((l) => !l.ids.some((id) => registry.has(id)))).toEqual([]);
  });

  it('has edges only between its nodes, and every lever of a node in a lever group', () => {
    const ids = new Set(SYSTEM_NODES.map((n) => n.id));
    for (const e of SYSTEM_EDGES) {
      expect(ids.has(e.from), e.from).toBe(true);
      expect(ids.has(e.to), e.to).toBe(true);
    }
    const leverIds = new Set(LEVER_GROUPS.flatMap((g) => g.levers.flatMap((l) => l.ids)));
    for (const n of SYSTEM_NODES) for (const id of n.levers) expect(leverIds.has(id), id).toBe(true);
  });

  it("names the five consequences and the internationalism index, each with a module's measure", () => {
    expect(HEADLINES.map((h) => h.id)).toEqual([
      'governance',
      'conflict',
      'climate',
      'economy',
      'values',
      'internationalism',
    ]);
    for (const n of HEADLINES) expect(n.variables.length, n.id).toBeGreaterThan(0);
    // Every module of the model has its place in the essay's system (a new module adds itself to a node).
    expect(
      MODULES.map((m) => m.name).filter((m) => !SYSTEM_NODES.some((n) => n.modules.includes(m))),
    ).toEqual([]);
  });
});

describe('the page never shows NaN', () => {
  it('refuses a run with a non-finite output, naming it', () => {
    const r = explorerRun(shippedRun(BASELINE, ctx));
    expect(() => checkFinite(r)).not.toThrow();
    const n = r.iso3.length;
    r.country.gdp_billion_usd2015[3 * n + 5] = Number.NaN;
    expect(() => checkFinite(r)).toThrow(
      `the model gave a non-finite gdp_billion_usd2015 for ${r.iso3[5]} in ${r.years[3]} with these settings`,
    );
  });
});
