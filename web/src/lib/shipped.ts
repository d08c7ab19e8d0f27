/** What ships inside the bundle: the scenario library and the model documentation, read at build time. */

import worldData from 'virtual:page-data';
import { registry } from '../../../src/model/engine.js';
import type { WorldData } from '../../../src/model/world-data.js';
import type { Shipped } from './url.js';

export const byName = (files: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path.replace(/^.*\/|\.[a-z]+$/g, ''), text]),
  );

/** The shipped dataset without the model-only tables (web/page-data-plugin.ts); the worker has all of it. */
export const data = worldData as WorldData;

export const SHIPPED: Shipped = {
  scenarios: byName(
    import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }),
  ),
  data,
  registry,
};

/** The model documentation pages (docs/model/<page>.md) by name; their text loads with the Model tab. */
export const DOC_PAGES: readonly string[] = Object.keys(
  byName(Object.fromEntries(Object.keys(import.meta.glob('../../../docs/model/*.md')).map((k) => [k, '']))),
);
