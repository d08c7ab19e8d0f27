/**
 * `--opinion` and `--agents-per-country`, checked here so that bad input is one line naming the flag,
 * before anything runs or is written.
 */
import { totalmem } from 'node:os';
import { UserError } from '../errors.js';
import type { OpinionMode } from '../model/module.js';
import { agentMemoryBytes } from '../model/politics/agents.js';
import type { Params } from '../model/registry.js';

/** The default population per country in agent mode. */
export const DEFAULT_AGENTS_PER_COUNTRY = 1000;
/** Agent arrays may use at most this share of the machine's memory. */
const MEMORY_SHARE = 0.5;

export function parseOpinion(
  mode: string,
  agentsPerCountry: string | undefined,
  countries: number,
  params: Params,
): OpinionMode {
  if (mode !== 'aggregate' && mode !== 'agents') {
    throw new UserError(`unknown opinion mode '${mode}'; modes: aggregate, agents`, '--opinion');
  }
  if (mode === 'aggregate') {
    if (agentsPerCountry !== undefined) {
      throw new UserError('only with --opinion agents', '--agents-per-country');
    }
    return { mode };
  }
  const text = agentsPerCountry ?? String(DEFAULT_AGENTS_PER_COUNTRY);
  const k = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(k) || k < 1) {
    throw new UserError(`must be a positive whole number, got '${text}'`, '--agents-per-country');
  }
  const degree = Math.round(params['politics.agent_degree']);
  const need = agentMemoryBytes(countries, k, degree);
  const limit = MEMORY_SHARE * totalmem();
  const elements = countries * k * degree;
  if (need > limit || elements > 2 ** 31 - 1) {
    const fit = Math.floor(
      Math.min(limit / agentMemoryBytes(countries, 1, degree), (2 ** 31 - 1) / (countries * degree)),
    );
    throw new UserError(
      `${k} agents in each of ${countries} states need ${(need / 2 ** 30).toFixed(1)} GiB; at most ${fit} per state fit in memory here`,
      '--agents-per-country',
    );
  }
  return { mode, agentsPerCountry: k };
}
