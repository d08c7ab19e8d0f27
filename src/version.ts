/** The package version, read once from package.json (the code version recorded in every run). */
import { readFileSync } from 'node:fs';

export const CODE_VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;
