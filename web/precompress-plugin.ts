/**
 * Writes a gzip copy (level 9) beside every text file of the build, which the server sends to browsers that
 * accept it: nothing is compressed per request, and the first load does not wait on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|md)$/;

export function precompress(): Plugin {
  return {
    name: 'worldorder-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const name of [...Object.keys(bundle), 'sw.js']) {
        if (!COMPRESSIBLE.test(name)) continue;
        const path = join(dir, name);
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
      }
    },
  };
}
