/**
 * The essay's system as a causal diagram: the drivers of the backlash, the backlash itself, its five
 * consequences with the internationalism index, and the reforms, with the links the essay draws between
 * them. Each node names the module whose mechanism carries it (its page is docs/model/<module>.md), the
 * output variables that measure it (the first one the model has is used) and the levers that act on it.
 * Nodes whose module has not landed yet are shown as such; nothing here is model logic.
 */

export type NodeKind = 'driver' | 'backlash' | 'consequence' | 'index' | 'reform';

export interface SystemNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** The essay's point, in a sentence. */
  readonly essay: string;
  /** The modules whose mechanisms carry it, the first being the main one. */
  readonly modules: readonly string[];
  /** Global output variables that measure it, in order of preference. */
  readonly variables: readonly string[];
  /** Registry ids of the levers that act on it directly. */
  readonly levers: readonly string[];
}

export interface SystemEdge {
  readonly from: string;
  readonly to: string;
  /** +1: more of `from` gives more of `to`; -1: less. */
  readonly sign: 1 | -1;
}

export const SYSTEM_NODES: readonly SystemNode[] = [
  {
    id: 'inequality',
    kind: 'driver',
    label: 'Economic inequality',
    essay: 'Globalization created vast wealth but worsened inequality within nations.',
    modules: ['labor', 'economy'],
    variables: [],
    levers: ['politics.effect_gini'],
  },
  {
    id: 'anxiety',
    kind: 'driver',
    label: 'Cultural anxiety',
    essay: 'Rapid demographic shifts and immigration fuel fears, amplified by populist narratives.',
    modules: ['politics', 'demography'],
    variables: ['refugees_million', 'refugees_new_thousand'],
    levers: ['politics.integration'],
  },
  {
    id: 'disinformation',
    kind: 'driver',
    label: 'Disinformation and polarization',
    essay: 'Digital platforms spread misinformation and build echo chambers.',
    modules: ['politics'],
    variables: ['mean_polarization'],
    levers: ['politics.disinformation', 'politics.echo_chamber'],
  },
  {
    id: 'institutional_failure',
    kind: 'driver',
    label: 'Failing global institutions',
    essay: 'Institutions seen as slow and ineffective in crises lose trust.',
    modules: ['institutions', 'crises'],
    variables: ['perceived_institutional_failure'],
    levers: ['politics.effect_institutional_failure'],
  },
  {
    id: 'offshoring',
    kind: 'driver',
    label: 'Offshoring of skilled work',
    essay: 'Even programming and knowledge work move overseas; automation displaces more.',
    modules: ['labor'],
    variables: ['displaced_workers_million', 'displaced_by_offshoring_million'],
    levers: ['labor.offshoring_rate', 'labor.automation_acceleration'],
  },
  {
    id: 'nationalism',
    kind: 'backlash',
    label: 'Nationalism and populism',
    essay: 'Movements reject cooperation for nationalist rhetoric and isolation.',
    modules: ['politics'],
    variables: ['nationalist_gdp_share', 'mean_nationalist_support'],
    levers: [],
  },
  {
    id: 'protectionism',
    kind: 'backlash',
    label: 'Protectionism and trade wars',
    essay: 'Trade is blamed for lost jobs; tariffs answer tariffs.',
    modules: ['trade'],
    variables: ['mean_tariff_pct'],
    levers: ['trade.decoupling_cost_pct'],
  },
  {
    id: 'withdrawal',
    kind: 'backlash',
    label: 'Withdrawal from agreements',
    essay: 'Governments leave international agreements and organizations.',
    modules: ['institutions'],
    variables: ['withdrawals_count', 'paris_participation_gdp_share'],
    levers: [],
  },
  {
    id: 'governance',
    kind: 'consequence',
    label: 'Weakened global governance',
    essay: 'Institutions for peace, health and the environment are starved of support and legitimacy.',
    modules: ['institutions'],
    variables: ['governance_capacity'],
    levers: [],
  },
  {
    id: 'conflict',
    kind: 'consequence',
    label: 'Escalation of conflict',
    essay: 'Without diplomatic channels and collective security, the risk of war rises.',
    modules: ['security'],
    variables: ['expected_disputes', 'wars_ongoing'],
    levers: [],
  },
  {
    id: 'climate',
    kind: 'consequence',
    label: 'Climate inaction',
    essay: 'Without coordinated efforts, emissions keep rising and the window closes.',
    modules: ['climate', 'cooperation'],
    variables: ['temperature_anomaly_k', 'co2_fossil_gtco2'],
    levers: ['climate.intensity_decline', 'climate.tcr', 'climate.ecs'],
  },
  {
    id: 'economy',
    kind: 'consequence',
    label: 'Economic instability',
    essay: 'Trade wars disrupt supply chains, raise prices and slow growth, hardest for developing nations.',
    modules: ['economy', 'trade', 'crises'],
    variables: ['gdp_trillion_usd2015', 'trade_welfare_change_pct'],
    levers: ['economy.frontier_growth', 'economy.convergence_speed'],
  },
  {
    id: 'values',
    kind: 'consequence',
    label: 'Loss of shared values',
    essay: 'Human rights, democratic norms and the rule of law erode; authoritarianism fills the void.',
    modules: ['values'],
    variables: ['population_weighted_democracy'],
    levers: [],
  },
  {
    id: 'internationalism',
    kind: 'index',
    label: 'Internationalism index',
    essay: 'How much of the world still cooperates: open trade, treaties kept, internationalist governments.',
    modules: ['institutions'],
    variables: ['internationalism_index'],
    levers: [],
  },
  {
    id: 'rebalancing',
    kind: 'reform',
    label: 'Rebalancing globalization',
    essay: 'Fairer trade, action on tax avoidance, protected labor rights.',
    modules: ['reforms', 'institutions', 'trade'],
    variables: [],
    levers: ['reforms.rebalancing'],
  },
  {
    id: 'local_voices',
    kind: 'reform',
    label: 'Empowering local voices',
    essay: 'More democratic and representative global institutions.',
    modules: ['reforms', 'institutions'],
    variables: [],
    levers: ['reforms.local_voices'],
  },
  {
    id: 'civic_education',
    kind: 'reform',
    label: 'Civic education',
    essay: 'Global literacy and critical thinking against disinformation.',
    modules: ['reforms', 'politics'],
    variables: [],
    levers: ['reforms.civic_education', 'politics.civic_education'],
  },
  {
    id: 'multilateralism',
    kind: 'reform',
    label: 'Resilient multilateralism',
    essay: 'Flexible coalitions that act swiftly and decisively in crises.',
    modules: ['reforms', 'institutions'],
    variables: [],
    levers: ['reforms.multilateralism'],
  },
  {
    id: 'balanced_labor',
    kind: 'reform',
    label: 'A balanced model for labor',
    essay: 'Invest in local industries, protect vulnerable sectors, create pathways to work.',
    modules: ['labor'],
    variables: [],
    levers: ['labor.local_industry_pct_gdp', 'labor.protection_tariff_pct', 'labor.training_intensity'],
  },
];

const edge = (from: string, to: string, sign: 1 | -1 = 1): SystemEdge => ({ from, to, sign });

export const SYSTEM_EDGES: readonly SystemEdge[] = [
  ...['inequality', 'anxiety', 'disinformation', 'institutional_failure', 'offshoring'].map((d) =>
    edge(d, 'nationalism'),
  ),
  edge('offshoring', 'inequality'),
  edge('nationalism', 'protectionism'),
  edge('nationalism', 'withdrawal'),
  edge('protectionism', 'economy'),
  edge('withdrawal', 'governance'),
  edge('governance', 'conflict', -1),
  edge('governance', 'climate', -1),
  edge('nationalism', 'values', -1),
  edge('governance', 'institutional_failure', -1),
  edge('conflict', 'anxiety'),
  edge('economy', 'inequality', -1),
  edge('nationalism', 'internationalism', -1),
  edge('rebalancing', 'inequality', -1),
  edge('rebalancing', 'protectionism', -1),
  edge('local_voices', 'institutional_failure', -1),
  edge('civic_education', 'disinformation', -1),
  edge('multilateralism', 'governance'),
  edge('balanced_labor', 'offshoring', -1),
];

/** The headline indicators: the five consequences and the internationalism index. */
export const HEADLINES: readonly SystemNode[] = SYSTEM_NODES.filter(
  (n) => n.kind === 'consequence' || n.kind === 'index',
);

/** The first of a node's variables the model outputs, if any. */
export function measureOf(node: SystemNode, outputs: readonly { name: string }[]): string | undefined {
  return node.variables.find((v) => outputs.some((o) => o.name === v));
}
