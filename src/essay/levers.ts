/**
 * The scenario levers, grouped as the essay groups them: the drivers of the backlash, the four reforms, the
 * balanced model for labor, and the parameters the results depend on most. A lever is a registry parameter
 * (its neutral value is its default); this file only chooses and orders them and says in a line what each
 * stands for. The web explorer draws its sliders from here and the registry (range, units, source).
 *
 * Ids that are not (yet) in the registry are skipped, so a module's levers appear as soon as it lands;
 * a module that adds a lever puts its id in the right group here.
 */
import type { ParamDef, Registry } from '../model/registry.js';

export interface LeverRef {
  readonly id: string;
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

export const LEVER_GROUPS: readonly LeverGroup[] = [
  {
    id: 'drivers',
    title: 'Drivers of the backlash',
    about:
      'What the essay says drives the retreat from internationalism: economic inequality, cultural anxiety, disinformation and polarization, failing global institutions, and the offshoring of skilled work.',
    levers: [
      { id: 'politics.inequality_effect', label: 'Economic inequality' },
      { id: 'politics.immigration_effect', label: 'Cultural anxiety (immigration)' },
      { id: 'politics.disinformation_intensity', label: 'Disinformation' },
      { id: 'politics.echo_chamber_strength', label: 'Echo chambers' },
      { id: 'institutions.failure_effect', label: 'Failures of global institutions' },
      { id: 'labor.offshoring_rate', label: 'Offshoring of skilled work' },
      { id: 'labor.automation_rate', label: 'Automation' },
    ],
  },
  {
    id: 'reforms',
    title: 'The four reforms',
    about:
      'Reimagining internationalism: rebalancing globalization, empowering local voices, strengthening civic education, and building resilient multilateralism.',
    levers: [
      { id: 'reforms.rebalancing_globalization', label: 'Rebalancing globalization' },
      { id: 'reforms.local_voices', label: 'Empowering local voices' },
      { id: 'reforms.civic_education', label: 'Civic education' },
      { id: 'reforms.resilient_multilateralism', label: 'Resilient multilateralism' },
    ],
  },
  {
    id: 'labor',
    title: 'A balanced model for labor',
    about:
      'Open markets while investing in local industries, protecting vulnerable sectors and creating pathways to meaningful work.',
    levers: [
      { id: 'labor.local_industry_investment', label: 'Investment in local industries' },
      { id: 'labor.sector_protection', label: 'Protection of vulnerable sectors' },
      { id: 'labor.training_pathways', label: 'Pathways to work (retraining)' },
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
      { id: 'economy.frontier_growth', label: 'Frontier growth' },
      { id: 'climate.tcr', label: 'Transient climate response' },
      { id: 'climate.intensity_decline', label: 'Decline of carbon intensity' },
      { id: 'demography.longrun_growth', label: 'Long-run population growth' },
      { id: 'climate.ecs', label: 'Climate sensitivity' },
      { id: 'economy.max_gap', label: 'Catch-up potential' },
      { id: 'economy.convergence_speed', label: 'Convergence speed' },
      { id: 'climate.damage_quadratic', label: 'Climate damages' },
    ],
  },
];

export interface Lever extends LeverRef {
  readonly def: ParamDef;
  readonly group: LeverGroup['id'];
}

/** The groups with the levers the registry has, in order; a group with none is dropped. */
export function availableLevers(registry: Registry): { group: LeverGroup; levers: Lever[] }[] {
  return LEVER_GROUPS.map((group) => ({
    group,
    levers: group.levers.flatMap((ref) => {
      const def = registry.get(ref.id);
      return def && def.min < def.max ? [{ ...ref, def, group: group.id }] : [];
    }),
  })).filter((g) => g.levers.length > 0);
}
