/**
 * The scenario levers, grouped as the essay groups them: the drivers of the backlash, the four reforms, the
 * balanced model for labor, and the parameters the results depend on most. A lever is a registry parameter
 * (its neutral value is its default); this file only chooses and orders them and says in a line what each
 * stands for. The web explorer draws its sliders from here and the registry (range, units, source).
 *
 * Ids that are not (yet) in the registry are skipped, so a module's levers appear as soon as it lands;
 * a module that adds a lever puts its id in the right group here. (The ids below name the levers of the
 * trade and labor, politics and reforms modules as their branches declare them.)
 */
import type { ParamDef, Registry } from '../model/registry.js';

export interface LeverRef {
  /** The registry id; where two modules could carry the same lever, the ids in order of preference. */
  readonly ids: readonly string[];
  /** A short label for the slider; the registry description explains it in full. */
  readonly label: string;
}

export interface LeverGroup {
  readonly id: 'drivers' | 'reforms' | 'labor' | 'influential';
  readonly title: string;
  /** What the group stands for, in the essay's terms. */
  readonly about: string;
  readonly levers: readonly LeverRef[];
}

const lever = (label: string, ...ids: string[]): LeverRef => ({ ids, label });

export const LEVER_GROUPS: readonly LeverGroup[] = [
  {
    id: 'drivers',
    title: 'Drivers of the backlash',
    about:
      'What the essay says drives the retreat from internationalism: economic inequality, cultural anxiety, disinformation and polarization, failing global institutions, and the offshoring of skilled work.',
    levers: [
      lever('Economic inequality: its pull on nationalism', 'politics.effect_gini'),
      lever('Cultural anxiety: pace of integration', 'politics.integration'),
      lever('Disinformation', 'politics.disinformation'),
      lever('Echo chambers', 'politics.echo_chamber'),
      lever('Failing institutions: their pull on nationalism', 'politics.effect_institutional_failure'),
      lever('Offshoring of skilled work', 'labor.offshoring_rate'),
      lever('Automation', 'labor.automation_acceleration'),
      lever('Geopolitical fragmentation: bloc decoupling', 'trade.decoupling_cost_pct'),
    ],
  },
  {
    id: 'reforms',
    title: 'The four reforms',
    about:
      'Reimagining internationalism: rebalancing globalization, empowering local voices, strengthening civic education, and building resilient multilateralism.',
    levers: [
      lever('Rebalancing globalization', 'reforms.rebalancing'),
      lever('Empowering local voices', 'reforms.local_voices'),
      lever('Civic education', 'reforms.civic_education', 'politics.civic_education'),
      lever('Resilient multilateralism', 'reforms.multilateralism'),
    ],
  },
  {
    id: 'labor',
    title: 'A balanced model for labor',
    about:
      'Open markets while investing in local industries, protecting vulnerable sectors and creating pathways to meaningful work.',
    levers: [
      lever('Investment in local industries', 'labor.local_industry_pct_gdp'),
      lever('Protection of vulnerable sectors', 'labor.protection_tariff_pct'),
      lever('Pathways to work (training)', 'labor.training_intensity'),
    ],
  },
  {
    id: 'influential',
    title: 'Most influential parameters',
    about:
      'The uncertain coefficients that move world GDP and warming in 2100 the most across their ranges (one at a time, from the lowest to the highest value).',
    // Ranked by that swing in the baseline (frontier growth 84 % of GDP, TCR 63 % of warming, long-run
    // population growth 54 % of GDP, carbon-intensity decline 56 % of warming, ...).
    levers: [
      lever('Frontier growth', 'economy.frontier_growth'),
      lever('Transient climate response', 'climate.tcr'),
      lever('Decline of carbon intensity', 'climate.intensity_decline'),
      lever('Long-run population growth', 'demography.longrun_growth'),
      lever('Climate sensitivity', 'climate.ecs'),
      lever('Catch-up potential', 'economy.max_gap'),
      lever('Convergence speed', 'economy.convergence_speed'),
      lever('Climate damages', 'climate.damage_quadratic'),
    ],
  },
];

export interface Lever {
  /** The id the registry has. */
  readonly id: string;
  readonly label: string;
  readonly def: ParamDef;
  readonly group: LeverGroup['id'];
}

/** The groups with the levers the registry has, in order; a group with none is dropped. */
export function availableLevers(registry: Registry): { group: LeverGroup; levers: Lever[] }[] {
  return LEVER_GROUPS.map((group) => ({
    group,
    levers: group.levers.flatMap((ref) => {
      const def = ref.ids.map((id) => registry.get(id)).find((d) => d !== undefined);
      return def && def.min < def.max ? [{ id: def.id, label: ref.label, def, group: group.id }] : [];
    }),
  })).filter((g) => g.levers.length > 0);
}
