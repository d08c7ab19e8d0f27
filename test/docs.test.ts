/**
 * The model documentation (docs/model/) against the code: the generated parameter table must be current,
 * every module must have a page naming all its parameters and state variables, and the hand-written pages
 * must name only parameters that exist, quoting their registry defaults. So a change to the model that
 * skips the docs fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAMETERS_PATH, parametersDoc } from '../scripts/build-docs.js';
import { registry } from '../src/model/engine.js';
import type { Module } from '../src/model/module.js';
import { MODULES } from '../src/model/modules/index.js';

const DOCS = fileURLToPath(new URL('../docs/model/', import.meta.url));
const read = (file: string) => readFileSync(`${DOCS}${file}`, 'utf8');
const MODULE_NAMES = new Set(MODULES.map((m) => m.name));
/** The hand-written pages: every .md in docs/model except the generated table. */
const PAGES = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'parameters.md');
const varNames = (m: Module) =>
  [...(m.countryVars ?? []), ...(m.dyadVars ?? []), ...(m.globalVars ?? [])].map((v) => v.name);

describe('docs/model/parameters.md', () => {
  it('is what `npm run docs` generates from the registry', () => {
    const onDisk = existsSync(PARAMETERS_PATH) ? readFileSync(PARAMETERS_PATH, 'utf8') : '';
    expect(onDisk, 'docs/model/parameters.md is out of date: run `npm run docs`').toBe(parametersDoc());
  });

  it('lists every registry parameter', () => {
    const text = parametersDoc();
    const missing = registry.defs.filter((d) => !text.includes(`\`${d.id}\``)).map((d) => d.id);
    expect(missing).toEqual([]);
  });
});

describe('module pages', () => {
  it('has a page for every module', () => {
    const missing = MODULES.filter((m) => !existsSync(`${DOCS}${m.name}.md`)).map((m) => m.name);
    expect(missing, 'write docs/model/<module>.md for each module in MODULES').toEqual([]);
  });

  for (const m of MODULES) {
    it(`${m.name}.md names every parameter and state variable of the module`, () => {
      const text = existsSync(`${DOCS}${m.name}.md`) ? read(`${m.name}.md`) : '';
      const names = [...m.params.map((p) => p.id), ...varNames(m)];
      expect(names.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
    });
  }

  it('README.md lists every state variable', () => {
    const text = read('README.md');
    const names = MODULES.flatMap(varNames);
    expect(names.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('name only parameters that exist, with their registry defaults', () => {
    const problems: string[] = [];
    for (const page of PAGES) {
      const lines = read(page).split('\n');
      lines.forEach((line, k) => {
        for (const [, id, prefix] of line.matchAll(/`(([a-z0-9_]+)\.[a-z0-9_]+)`/g)) {
          if (!MODULE_NAMES.has(prefix)) continue;
          const def = registry.get(id);
          if (!def) {
            problems.push(`${page}:${k + 1}: unknown parameter ${id}`);
            continue;
          }
          // A table row `| symbol | `id` | default ... |` must quote the current default.
          const cell = line.match(
            new RegExp(`^\\|[^|]*\\|\\s*\`${id.replace('.', '\\.')}\`\\s*\\|\\s*([^|]*)\\|`),
          );
          const quoted = cell?.[1].match(/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/i);
          if (quoted && Number(quoted[0]) !== def.default) {
            problems.push(
              `${page}:${k + 1}: ${id} is quoted as ${quoted[0]}, the registry default is ${def.default}`,
            );
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });
});
