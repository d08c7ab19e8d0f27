/**
 * The page's copy of the shipped dataset (`virtual:page-data`): data/world.json without the tables only the
 * model uses (the bilateral trade matrix and the trade and labor source notes). The model worker imports the
 * whole file; the page needs the countries, the map codes and what scenario validation reads, and parsing
 * the trade matrix twice cost the first load about half a second.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const ID = 'virtual:page-data';
const RESOLVED = `\0${ID}`;
const WORLD = new URL('../data/world.json', import.meta.url);

/** Keys of `tradeLabor` the page never reads: about 80 % of the file. */
const MODEL_ONLY_TRADE = [
  'flows_billion_usd2015',
  'flowStatus',
  'exportSources',
  'importSources',
  'employmentSources',
  'giniSources',
];

export function pageData(): Plugin {
  return {
    name: 'worldorder-page-data',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(WORLD.pathname);
      const world = JSON.parse(readFileSync(WORLD, 'utf8'));
      for (const key of MODEL_ONLY_TRADE) delete world.tradeLabor?.[key];
      // JSON.parse of a string literal is faster for V8 than the same object as a JavaScript literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(world))});`;
    },
  };
}
