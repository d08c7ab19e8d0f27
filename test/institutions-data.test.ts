/**
 * The hand-made institution tables: the shipped data against the official counts, funding shares that sum to 1,
 * and the checks that stop a bad table with its file and line.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInstitutions } from '../scripts/data/institutions.js';
import { parseInstitutionList, parseMembership, withMembership } from '../src/data/institutions.js';
import { UserError } from '../src/errors.js';
import { data, tempDir } from './helpers.js';

const RAW = new URL('../data/raw/', import.meta.url);
const MEMBERS = readFileSync(new URL('institution_members.csv', RAW), 'utf8');
const LIST = readFileSync(new URL('institutions.csv', RAW), 'utf8');
const I = data.institutions;
const id = (k: number) => I.list[k].id;

function members(instId: string, status = 'member'): string[] {
  const k = I.list.findIndex((d) => d.id === instId);
  const out: string[] = [];
  for (let r = 0; r < I.members.institution.length; r++) {
    if (I.members.institution[r] === k && I.members.status[r] === status)
      out.push(data.countries.iso3[I.members.country[r]]);
  }
  return out;
}

describe('the shipped institution data (base year 2024)', () => {
  it('matches the official member counts, less members that are not states of the dataset', () => {
    expect(members('UN')).toHaveLength(193);
    expect(members('WHO')).toHaveLength(192); // 194 with the Cook Islands and Niue
    expect(members('WTO')).toHaveLength(163); // 166 with the EU, Hong Kong and Macao
    expect(members('PARIS')).toHaveLength(190); // 195 with the EU, Palestine, the Holy See, Cook Islands, Niue
    expect(members('IMF')).toHaveLength(191);
    expect(members('WB')).toHaveLength(189);
    expect(members('NATO')).toHaveLength(32);
    expect(members('EU')).toHaveLength(27);
    expect(members('OECD')).toHaveLength(38);
    expect(members('AU').length + members('AU', 'suspended').length).toBe(54); // 55 with the Sahrawi Republic
    expect(members('PARIS', 'signatory').sort()).toEqual(['IRN', 'LBY', 'YEM']);
  });

  it('counts the United States in the WHO and the Paris Agreement in the base year (it left in 2026)', () => {
    expect(members('WHO')).toContain('USA');
    expect(members('PARIS')).toContain('USA');
  });

  it("has a source for every row and funding shares in [0, 1] that sum to 1 over each institution's members", () => {
    const m = I.members;
    const sums = new Map<number, number>();
    for (let r = 0; r < m.institution.length; r++) {
      expect(I.sources[m.source[r]].length).toBeGreaterThan(10);
      expect(m.fundingShare[r]).toBeGreaterThanOrEqual(0);
      expect(m.fundingShare[r]).toBeLessThanOrEqual(1);
      if (m.status[r] !== 'member') expect(m.fundingShare[r]).toBe(0);
      sums.set(m.institution[r], (sums.get(m.institution[r]) ?? 0) + m.fundingShare[r]);
    }
    for (const [k, total] of sums) expect(total, id(k)).toBeCloseTo(1, 6);
  });

  it('keeps the published shares: the UN scale 2022-2024 and IMF quotas', () => {
    const share = (instId: string, iso3: string) => {
      const k = I.list.findIndex((d) => d.id === instId);
      const i = data.countries.iso3.indexOf(iso3);
      const r = I.members.institution.findIndex((kk, rr) => kk === k && I.members.country[rr] === i);
      return I.members.fundingShare[r];
    };
    expect(share('UN', 'USA')).toBe(0.22);
    expect(share('UN', 'CHN')).toBe(0.15254);
    expect(share('IMF', 'USA')).toBe(0.1743);
    // WHO follows the UN scale, renormalised over its members.
    expect(share('WHO', 'USA')).toBeCloseTo(0.22 / (1 - share('UN', 'LIE')), 6);
    // ASEAN's charter: equal contributions.
    expect(share('ASEAN', 'IDN')).toBeCloseTo(0.1, 9);
  });

  it('lets every UN member join a world-scope institution it is outside of, and only listed states join the others', () => {
    const k = I.list.findIndex((d) => d.id === 'WHO');
    expect(I.joinable[k].map((i) => data.countries.iso3[i])).toEqual(['LIE']);
    const eu = I.list.findIndex((d) => d.id === 'EU');
    expect(I.joinable[eu].map((i) => data.countries.iso3[i]).sort()).toEqual(
      ['ALB', 'BIH', 'GEO', 'MDA', 'MKD', 'MNE', 'SRB', 'TUR', 'UKR', 'XKX'].sort(),
    );
  });
});

describe('bad tables stop with the file and line', () => {
  const list = parseInstitutionList(LIST, 'institutions.csv');
  const facts = {
    iso3: data.countries.iso3,
    gdp: data.base.gdp_billion_usd2015,
    tradePctGdp: I.exportsPctGdp.map((x, i) => x + I.importsPctGdp[i]),
  };
  const lines = MEMBERS.trimEnd().split('\n');
  const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
  const parse = (text: string) => parseMembership(text, 'm.csv', list, facts);
  const error = (text: string) => {
    try {
      parse(text);
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as Error).message;
    }
    throw new Error('expected an error');
  };

  it('accepts the shipped table', () => {
    expect(() => parse(MEMBERS)).not.toThrow();
  });

  it('refuses a duplicate row, naming both lines', () => {
    const text = `${MEMBERS}${lines[lineOf('WHO,FRA,') - 1]}\n`;
    expect(error(text)).toBe(
      `m.csv:${lines.length + 1}: duplicate row: WHO FRA is already on line ${lineOf('WHO,FRA,')}`,
    );
  });

  it('refuses a funding share above 1, naming the row', () => {
    const text = MEMBERS.replace('UN,USA,member,0.22,', 'UN,USA,member,1.5,');
    expect(error(text)).toBe(
      `m.csv:${lineOf('UN,USA,')}: funding share 1.5 is above 1: it is a fraction of the institution's funding`,
    );
  });

  it('refuses listed shares that add up to more than 1, naming the row where they pass it', () => {
    const text = MEMBERS.replace('UN,CHN,member,0.15254,', 'UN,CHN,member,0.9,');
    expect(error(text)).toMatch(
      /^m\.csv:\d+: the listed funding shares of UN add up to [\d.]+ here, above 1$/,
    );
  });

  it('refuses unknown institutions and member codes with suggestions, and shares for non-members', () => {
    expect(error(MEMBERS.replace('\nNATO,USA,', '\nNATOO,USA,'))).toMatch(
      new RegExp(`^m\\.csv:${lineOf('NATO,USA,')}: unknown institution 'NATOO'; did you mean NATO`),
    );
    expect(error(MEMBERS.replace('\nNATO,USA,', '\nNATO,USX,'))).toMatch(
      new RegExp(`^m\\.csv:${lineOf('NATO,USA,')}: unknown member code 'USX'; did you mean USA`),
    );
    expect(error(MEMBERS.replace('WTO,IRN,observer,,', 'WTO,IRN,observer,0.01,'))).toMatch(
      /an observer has no funding share; only members pay/,
    );
    expect(error(MEMBERS.replace('WTO,IRN,observer,', 'WTO,IRN,obsrvr,'))).toMatch(/unknown status 'obsrvr'/);
  });

  it('refuses a bad institutions table naming the line', () => {
    expect(() => parseInstitutionList(LIST.replace('\nWHO,', '\nUN,'), 'i.csv')).toThrow(
      /^i\.csv:3: duplicate institution 'UN' \(first on line 2\)/,
    );
    expect(() => parseInstitutionList(LIST.replace(',world,majority,', ',world,mob,'), 'i.csv')).toThrow(
      /^i\.csv:3: unknown decision rule 'mob'/,
    );
  });

  it('withMembership swaps the table: dropping the US from the WHO moves its share to the others', () => {
    const edited = withMembership(data, MEMBERS.replace(/\nWHO,USA,[^\n]*/, ''), 'm.csv');
    const k = edited.institutions.list.findIndex((d) => d.id === 'WHO');
    const m = edited.institutions.members;
    let total = 0;
    let count = 0;
    for (let r = 0; r < m.institution.length; r++) {
      if (m.institution[r] !== k) continue;
      total += m.fundingShare[r];
      count++;
    }
    expect(count).toBe(191);
    expect(total).toBeCloseTo(1, 6);
  });
});

describe('the build (scripts/data/institutions.ts)', () => {
  const inputs = (rawDir: string) => ({
    rawDir,
    baseYear: data.baseYear,
    iso3: data.countries.iso3,
    subregion: data.countries.subregion,
    gdp: data.base.gdp_billion_usd2015,
    exportsPctGdp: I.exportsPctGdp,
    importsPctGdp: I.importsPctGdp,
  });
  const raw = (members: string) => {
    const dir = join(tempDir(), 'raw');
    mkdirSync(dir);
    copyFileSync(new URL('institutions.csv', RAW), join(dir, 'institutions.csv'));
    writeFileSync(join(dir, 'institution_members.csv'), members);
    return dir;
  };

  it('rebuilds the shipped section from the shipped tables', () => {
    const built = buildInstitutions(inputs(raw(MEMBERS)));
    expect(built.members).toEqual(I.members);
    expect(built.joinable).toEqual(I.joinable);
  });

  it('stops at a bad row, naming the file as the build reads it and the line', () => {
    const lines = MEMBERS.trimEnd().split('\n').length;
    expect(() => buildInstitutions(inputs(raw(`${MEMBERS}EU,FRA,member,,dup,,\n`)))).toThrow(
      new RegExp(
        `^data/raw/institution_members\\.csv:${lines + 1}: duplicate row: EU FRA is already on line \\d+$`,
      ),
    );
  });
});
