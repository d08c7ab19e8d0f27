/**
 * The explorer's speed, measured in Debian's Chromium against the production build (`npm run bench:web`,
 * `-- --json` for JSON): a lever move to updated charts (median over 20 moves), the first load from
 * localhost (median over 5 fresh profiles: no cache, no service worker), and the shipped bundle, gzip-compressed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../src/server/static.js';
import { buildWeb, WEB_DIST, webBuildIsStale } from '../src/server/web-build.js';
import { launch } from '../test/e2e/browser.js';

const MOVES = 20;
const LOADS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function bundleBytes(): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const name of readdirSync(WEB_DIST, { recursive: true }) as string[]) {
    const path = join(WEB_DIST, name);
    if (!statSync(path).isFile() || name.endsWith('.gz')) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    files++;
  }
  return { raw, gzip, files };
}

/** Milliseconds from navigation start to the first drawn run (the page's `rendered-1` mark). */
async function firstLoad(url: string): Promise<number> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-rendered]');
    return await page.evaluate(() => performance.getEntriesByName('rendered-1')[0].startTime);
  } finally {
    await browser.close();
  }
}

/** Runs in the page: moves the first lever `moves` times and returns each wait in milliseconds. */
const MOVE_SCRIPT = `async (moves) => {
  const input = document.querySelector('.levers input[type=range]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const min = Number(input.min);
  const max = Number(input.max);
  const times = [];
  for (let k = 0; k < moves; k++) {
    const before = Number(document.body.dataset.rendered);
    const t0 = performance.now();
    setValue.call(input, String(min + ((k % 2 ? 0.3 : 0.7) + k * 0.01) * (max - min)));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done) => {
      const check = () =>
        Number(document.body.dataset.rendered) > before ? requestAnimationFrame(() => done()) : setTimeout(check, 0);
      check();
    });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times;
}`;

/**
 * Each move sets a lever (alternately up and down its range) the way a slider does, then waits for the page
 * to draw the new run and for the next frame to be painted: the time a person waits to see the new charts.
 */
async function leverMoves(url: string): Promise<number[]> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-rendered]');
    await page.waitForTimeout(500);
    // A string, not a function: tsx would add helpers to a function that the page does not have.
    return (await page.evaluate(`(${MOVE_SCRIPT})(${MOVES})`)) as number[];
  } finally {
    await browser.close();
  }
}

if (webBuildIsStale()) await buildWeb();
const server = await startServer(WEB_DIST, 0, '127.0.0.1');
try {
  const loads: number[] = [];
  for (let k = 0; k < LOADS; k++) loads.push(await firstLoad(server.url));
  const moves = await leverMoves(`${server.url}#tab=charts`);
  const bundle = bundleBytes();
  const rows = [
    {
      name: 'web.lever-to-charts',
      value: median(moves),
      unit: 'ms',
      what: `median of ${MOVES} lever moves to redrawn charts (worker run + render + paint); budget 100 ms`,
    },
    {
      name: 'web.first-load',
      value: median(loads),
      unit: 'ms',
      what: `median of ${LOADS} cold loads from localhost to the first drawn run; budget 2000 ms`,
    },
    {
      name: 'web.bundle-gzip',
      value: bundle.gzip / 1e6,
      unit: 'MB',
      what: `${bundle.files} files, code and data, gzip -9 (${(bundle.raw / 1e6).toFixed(2)} MB raw); budget 2 MB`,
    },
  ];
  if (process.argv.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify(
        rows.map(({ name, value, unit }) => ({ name, value: Number(value.toFixed(4)), unit })),
        null,
        2,
      )}\n`,
    );
  } else {
    const w = Math.max(...rows.map((r) => r.name.length));
    process.stdout.write(`${'benchmark'.padEnd(w)}      value  what\n`);
    for (const r of rows) {
      process.stdout.write(
        `${r.name.padEnd(w)}  ${r.value.toFixed(r.unit === 'MB' ? 3 : 1).padStart(7)} ${r.unit.padEnd(2)}  ${r.what}\n`,
      );
    }
    process.stdout.write(`lever moves (ms): ${moves.map((t) => t.toFixed(1)).join(' ')}\n`);
  }
} finally {
  await server.close();
}
