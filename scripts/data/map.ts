/**
 * The codes that join each state to the shapes of the explorer's world map (world-atlas, Natural Earth):
 * the UN M49 / ISO 3166-1 numeric code from data/raw/countries.csv (datasets/country-codes, see
 * data/raw/PROVENANCE.md), zero-padded to three digits as world-atlas writes it. Kosovo has none and is
 * drawn at its capital, as are states too small for the atlas.
 */
import type { WorldData } from '../../src/model/world-data.js';

export function mapCodes(countries: readonly Record<string, string>[]): WorldData['map'] {
  return { m49: countries.map((c) => (c.m49 ? c.m49.padStart(3, '0') : '')) };
}
