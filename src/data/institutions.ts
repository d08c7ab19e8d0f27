/**
 * Reads and checks the two hand-made institution tables: the institutions (one row each: how they decide,
 * whether members may leave, how their funding is shared) and the membership table (one row per institution
 * and state, each with its source). Every problem is a UserError naming the file and line, so a bad table
 * stops the build (or a run given `--members`) before anything is written.
 *
 * Funding shares: a member's listed share (e.g. the UN scale of assessments) is kept; the rest of the
 * institution's funding is split among its members without a listed share by the institution's rule:
 *   gdp       in proportion to base-year GDP;
 *   equal     in equal parts (ASEAN's charter);
 *   trade     in proportion to trade (GDP x (exports + imports) share of GDP), as WTO contributions follow
 *             shares of international trade;
 *   un_scale  in proportion to each member's UN share (WHO and UNFCCC assessments follow the UN scale).
 */
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import type {
  DecisionRule,
  FundingRule,
  InstitutionDef,
  MemberRows,
  MemberStatus,
  WorldData,
} from '../model/world-data.js';
import { nearest } from '../suggest.js';

const DECISION_RULES: readonly DecisionRule[] = [
  'majority',
  'weighted',
  'qualified_majority',
  'veto',
  'consensus',
];
const FUNDING_RULES: readonly FundingRule[] = ['gdp', 'equal', 'trade', 'un_scale'];
const STATUSES: readonly MemberStatus[] = ['member', 'observer', 'signatory', 'candidate', 'suspended'];
/** The institution whose members world-scope institutions admit, and whose scale `un_scale` uses. */
export const UN_ID = 'UN';
/** Shares are stored to this many significant digits. */
const SHARE_DIGITS = 9;
/** Listed shares may exceed 1 in sum by rounding only. */
const SUM_TOLERANCE = 1e-9;

type Row = Record<string, string>;

function readRows(text: string, file: string, columns: readonly string[]): { row: Row; line: number }[] {
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, info: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new UserError(`malformed CSV: ${(err as Error).message}`, line ? `${file}:${line}` : file);
  }
  const header = text.split(/\r?\n/, 1)[0].split(',');
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new UserError(
      `missing column(s) ${missing.join(', ')}; expected ${columns.join(', ')}`,
      `${file}:1`,
    );
  }
  return records.map((r) => ({ row: r.record, line: r.info.lines }));
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string, where: string): T {
  if (!allowed.includes(value as T)) {
    throw new UserError(`unknown ${what} '${value}'; expected one of ${allowed.join(', ')}`, where);
  }
  return value as T;
}

/** The institutions table (data/raw/institutions.csv). */
export function parseInstitutionList(text: string, file: string): InstitutionDef[] {
  const columns = [
    'id',
    'name',
    'kind',
    'domain',
    'scope',
    'decision_rule',
    'leavable',
    'funding_rule',
    'source',
  ];
  const out: InstitutionDef[] = [];
  const lineOf = new Map<string, number>();
  const worldDomains = new Map<string, string>();
  for (const { row, line } of readRows(text, file, columns)) {
    const where = `${file}:${line}`;
    const id = row.id;
    if (!/^[A-Z][A-Z0-9_]*$/.test(id)) {
      throw new UserError(`institution id '${id}' must be upper-case letters, digits or _`, where);
    }
    if (lineOf.has(id))
      throw new UserError(`duplicate institution '${id}' (first on line ${lineOf.get(id)})`, where);
    lineOf.set(id, line);
    for (const c of ['name', 'kind', 'domain', 'source']) {
      if (!row[c]) throw new UserError(`empty ${c} for institution '${id}'`, where);
    }
    const scope = oneOf(row.scope, ['world', 'listed'] as const, 'scope', where);
    if (scope === 'world') {
      // Other modules read "the" world institution of a domain (e.g. health for pandemics): it must be unique.
      const other = worldDomains.get(row.domain);
      if (other)
        throw new UserError(`'${other}' is already the world-scope institution for ${row.domain}`, where);
      worldDomains.set(row.domain, id);
    }
    if (row.leavable !== '0' && row.leavable !== '1') {
      throw new UserError(`leavable must be 0 or 1, got '${row.leavable}'`, where);
    }
    out.push({
      id,
      name: row.name,
      kind: row.kind,
      domain: row.domain,
      scope,
      decisionRule: oneOf(row.decision_rule, DECISION_RULES, 'decision rule', where),
      leavable: row.leavable === '1',
      fundingRule: oneOf(row.funding_rule, FUNDING_RULES, 'funding rule', where),
      source: row.source,
    });
  }
  const un = out.find((d) => d.id === UN_ID);
  if (un?.fundingRule === 'un_scale')
    throw new UserError(`${UN_ID} cannot take its own scale`, `${file}:${lineOf.get(UN_ID)}`);
  const scaled = out.find((d) => d.fundingRule === 'un_scale');
  if (scaled && !un) {
    throw new UserError(
      `'${scaled.id}' uses un_scale but there is no ${UN_ID} row`,
      `${file}:${lineOf.get(scaled.id)}`,
    );
  }
  return out;
}

/** What the membership table is checked and weighted against: the states of the dataset. */
export interface CountryFacts {
  readonly iso3: readonly string[];
  readonly gdp: readonly number[];
  /** Exports plus imports, % of GDP. */
  readonly tradePctGdp: readonly number[];
}

export interface Membership {
  readonly members: MemberRows;
  readonly joinable: number[][];
  readonly sources: string[];
}

interface Pending {
  institution: number;
  country: number;
  status: MemberStatus;
  listed?: number;
  source: string;
  fundingSource: string;
  note: string;
  line: number;
}

/** The membership table (data/raw/institution_members.csv), with every funding share resolved. */
export function parseMembership(
  text: string,
  file: string,
  list: readonly InstitutionDef[],
  countries: CountryFacts,
): Membership {
  const columns = ['institution', 'iso3', 'status', 'funding_share', 'source', 'funding_source', 'note'];
  const ids = list.map((d) => d.id);
  const countryIndex = new Map(countries.iso3.map((c, i) => [c, i]));
  const seen = new Map<string, number>();
  const pending: Pending[] = [];
  for (const { row, line } of readRows(text, file, columns)) {
    const where = `${file}:${line}`;
    const k = ids.indexOf(row.institution);
    if (k < 0) {
      throw new UserError(
        `unknown institution '${row.institution}'; did you mean ${nearest(row.institution.toUpperCase(), ids).join(', ')}?`,
        where,
      );
    }
    const i = countryIndex.get(row.iso3);
    if (i === undefined) {
      throw new UserError(
        `unknown member code '${row.iso3}'; did you mean ${nearest(row.iso3.toUpperCase(), countries.iso3).join(', ')}?`,
        where,
      );
    }
    const key = `${row.institution}:${row.iso3}`;
    if (seen.has(key)) {
      throw new UserError(
        `duplicate row: ${row.institution} ${row.iso3} is already on line ${seen.get(key)}`,
        where,
      );
    }
    seen.set(key, line);
    const status = oneOf(row.status, STATUSES, 'status', where);
    if (!row.source) throw new UserError(`no source for ${row.institution} ${row.iso3}`, where);
    let listed: number | undefined;
    if (row.funding_share !== '') {
      listed = Number(row.funding_share);
      if (!Number.isFinite(listed) || listed < 0) {
        throw new UserError(`funding share '${row.funding_share}' must be a number from 0 to 1`, where);
      }
      if (listed > 1) {
        throw new UserError(
          `funding share ${listed} is above 1: it is a fraction of the institution's funding`,
          where,
        );
      }
      if (status !== 'member')
        throw new UserError(
          `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} has no funding share; only members pay`,
          where,
        );
      if (!row.funding_source)
        throw new UserError(`no funding_source for the listed share of ${row.iso3}`, where);
    }
    pending.push({
      institution: k,
      country: i,
      status,
      listed,
      source: row.source,
      fundingSource: row.funding_source,
      note: row.note,
      line,
    });
  }
  const shares = resolveShares(list, pending, countries, file);
  const sources: string[] = [];
  const sourceIndex = (s: string) => {
    let at = sources.indexOf(s);
    if (at < 0) at = sources.push(s) - 1;
    return at;
  };
  const members: MemberRows = {
    institution: pending.map((p) => p.institution),
    country: pending.map((p) => p.country),
    status: pending.map((p) => p.status),
    fundingShare: shares,
    source: pending.map((p) => sourceIndex(p.source)),
    fundingSource: pending.map((p) =>
      p.status === 'member' ? sourceIndex(p.fundingSource || ruleText(list[p.institution])) : -1,
    ),
    note: pending.map((p) => p.note),
  };
  return { members, joinable: joinableStates(list, pending, countries.iso3.length), sources };
}

function ruleText(d: InstitutionDef): string {
  const rule: Record<FundingRule, string> = {
    gdp: 'the rest of its funding in proportion to base-year GDP',
    equal: 'the rest of its funding in equal parts',
    trade: 'the rest of its funding in proportion to trade (GDP x (exports + imports) share of GDP)',
    un_scale: 'the rest of its funding in proportion to the UN scale of assessments',
  };
  return `Rule (${d.id}, ${d.fundingRule}): ${rule[d.fundingRule]}`;
}

/** Each pending row's funding share: listed shares kept, the remainder split among the others by the rule. */
function resolveShares(
  list: readonly InstitutionDef[],
  pending: readonly Pending[],
  countries: CountryFacts,
  file: string,
): number[] {
  const shares = pending.map(() => 0);
  const unShare = new Map<number, number>();
  const un = list.findIndex((d) => d.id === UN_ID);
  // The UN first: its scale weights the un_scale institutions.
  const order = list.map((_, k) => k).sort((a, b) => Number(b === un) - Number(a === un));
  for (const k of order) {
    const d = list[k];
    const members = pending
      .map((p, r) => ({ p, r }))
      .filter(({ p }) => p.institution === k && p.status === 'member');
    if (members.length === 0) throw new UserError(`institution '${d.id}' has no members in ${file}`, file);
    let listedSum = 0;
    for (const { p, r } of members) {
      if (p.listed === undefined) continue;
      listedSum += p.listed;
      if (listedSum > 1 + SUM_TOLERANCE) {
        throw new UserError(
          `the listed funding shares of ${d.id} add up to ${Number(listedSum.toPrecision(6))} here, above 1`,
          `${file}:${p.line}`,
        );
      }
      shares[r] = p.listed;
    }
    const rest = members.filter(({ p }) => p.listed === undefined);
    if (rest.length === 0) {
      if (Math.abs(listedSum - 1) > 1e-6) {
        throw new UserError(
          `every member of ${d.id} has a listed funding share and they add up to ${Number(listedSum.toPrecision(6))}, not 1`,
          `${file}:${members.at(-1)!.p.line}`,
        );
      }
    } else {
      const unPerGdp = unScalePerGdp(unShare, countries);
      const weight = ({ p }: { p: Pending }) => {
        const i = p.country;
        switch (d.fundingRule) {
          case 'gdp':
            return countries.gdp[i];
          case 'equal':
            return 1;
          case 'trade':
            return (countries.gdp[i] * countries.tradePctGdp[i]) / 100;
          case 'un_scale':
            // States outside the UN (Kosovo in the IMF, say) pay what the UN scale asks per unit of GDP.
            return unShare.get(i) ?? unPerGdp * countries.gdp[i];
        }
      };
      const total = rest.reduce((s, m) => s + weight(m), 0);
      for (const m of rest) shares[m.r] = ((1 - listedSum) * weight(m)) / total;
    }
    if (k === un) for (const { p, r } of members) unShare.set(p.country, shares[r]);
  }
  return shares.map((s) => Number(s.toPrecision(SHARE_DIGITS)));
}

function unScalePerGdp(unShare: ReadonlyMap<number, number>, countries: CountryFacts): number {
  let share = 0;
  let gdp = 0;
  for (const [i, s] of unShare) {
    share += s;
    gdp += countries.gdp[i];
  }
  return share / gdp;
}

/** Non-members that may join: every listed state; for world-scope institutions also every UN member. */
function joinableStates(list: readonly InstitutionDef[], pending: readonly Pending[], n: number): number[][] {
  const un = list.findIndex((d) => d.id === UN_ID);
  return list.map((d, k) => {
    const member = new Uint8Array(n);
    const may = new Uint8Array(n);
    for (const p of pending) {
      if (p.institution === k) (p.status === 'member' ? member : may)[p.country] = 1;
      if (d.scope === 'world' && p.institution === un && p.status === 'member') may[p.country] = 1;
    }
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (may[i] && !member[i]) out.push(i);
    return out;
  });
}

/**
 * The dataset with its membership table replaced by `text` (a user's edited copy of
 * data/raw/institution_members.csv), checked against the shipped institutions, states, GDP and trade.
 */
export function withMembership(data: WorldData, text: string, file: string): WorldData {
  const I = data.institutions;
  const membership = parseMembership(text, file, I.list, {
    iso3: data.countries.iso3,
    gdp: data.base.gdp_billion_usd2015,
    tradePctGdp: I.exportsPctGdp.map((x, i) => x + I.importsPctGdp[i]),
  });
  return { ...data, institutions: { ...I, ...membership } };
}
