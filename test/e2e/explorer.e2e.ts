/**
 * The explorer in Debian's Chromium, against the production build served as `npm start` serves it: a lever
 * moves the charts and the map; the numbers on screen and the downloaded files are the CLI's for the same
 * scenario and seed; a copied link reopens the same run; two scenarios compare; a CSV downloads; bad links
 * and bad files say what is wrong and fall back to the baseline; it works offline, on a phone, by keyboard;
 * and nothing logs an error or fails to load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../src/server/static.js';
import { buildWeb, WEB_DIST, webBuildIsStale } from '../../src/server/web-build.js';
import { fmt } from '../../web/src/lib/format.js';
import { cli, tempDir } from '../helpers.js';
import { type Browser, launch } from './browser.js';

let server: Running;
let browser: Browser;
const problems: string[] = [];

/** A page that records console errors, page errors and failed requests into `problems`. */
async function open(hash = ''): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('body[data-rendered]');
  return page;
}

const renders = (page: Page) => page.evaluate(() => Number(document.body.dataset.rendered));

/** Runs `act` and waits until the page has drawn a new result. */
async function andRender(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await renders(page);
  await act();
  await page.waitForFunction((n) => Number(document.body.dataset.rendered) > n, before);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** The numbers table: {variable: {year: [exact value, text shown]}}. */
async function numbers(page: Page): Promise<Record<string, Record<string, [string, string]>>> {
  await tab(page, 'Charts');
  return page.$$eval('[data-testid=numbers] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((tr) => [
        (tr as HTMLElement).dataset.var,
        Object.fromEntries(
          [...tr.querySelectorAll('td[data-year]')].map((td) => [
            (td as HTMLElement).dataset.year,
            [(td as HTMLElement).dataset.value, td.childNodes[0].textContent],
          ]),
        ),
      ]),
    ),
  );
}

/** The lever a test moves: the first reform lever once the reforms exist, else the first lever shown. */
async function aLever(page: Page) {
  const reform = page.locator('[data-group="reforms"] input[type=range]').first();
  return (await reform.count()) ? reform : page.locator('.levers input[type=range]').first();
}

/** Moves a lever by keyboard to one end of its range (the far one), and waits for the new run on screen. */
async function nudge(page: Page, lever: Awaited<ReturnType<typeof aLever>>): Promise<void> {
  const atMax = await lever.evaluate((el) => {
    const input = el as HTMLInputElement;
    return Number(input.value) >= Number(input.max);
  });
  await andRender(page, async () => {
    await lever.focus();
    await page.keyboard.press(atMax ? 'Home' : 'End');
  });
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

function csvRows(text: string): Map<string, Record<string, string>> {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head.split(',');
  return new Map(
    lines.map((l) => {
      const cells = l.split(',');
      return [cells[0], Object.fromEntries(cols.map((c, k) => [c, cells[k]]))];
    }),
  );
}

/** `worldorder run` for the run the page's URL and a scenario file describe. */
function cliRun(page: Page, scenarioFile: string): string {
  const q = new URLSearchParams(new URL(page.url()).hash.slice(1));
  const sets = (q.get('set') ?? '')
    .split(',')
    .filter(Boolean)
    .flatMap((s) => ['--set', s.replace(':', '=')]);
  const seed = q.get('seed') ? ['--seed', q.get('seed')!] : [];
  const out = join(tempDir(), 'out');
  const r = cli(['run', scenarioFile, '--out', out, '--no-charts', ...sets, ...seed]);
  expect(r.status, r.stderr).toBe(0);
  return out;
}

beforeAll(async () => {
  if (webBuildIsStale()) await buildWeb();
  server = await startServer(WEB_DIST, 0, '127.0.0.1');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the explorer', () => {
  it('moves the charts and the map when a lever moves, with the baseline as a ghost', async () => {
    const page = await open('#tab=map');
    // The map is a lazily loaded tab: the first run can be drawn (the model worker starts before the page's
    // code) before the map's controls and states are.
    await page.waitForSelector('.map [data-iso3]');
    const mapValues = () =>
      page.$$eval('.map [data-iso3]', (els) => els.map((e) => (e as SVGElement).dataset.value).join(';'));
    const variables = await page
      .locator('.controls select')
      .first()
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const variable = page.locator('.controls select').first();
    const shown = await mapValues();
    const lever = await aLever(page);
    await nudge(page, lever);
    // The map shows the change: its values move (for the variable shown, or failing that another one), and
    // in "change from the baseline" mode some state is coloured by a change that is not zero.
    let changed = (await mapValues()) !== shown;
    await page.locator('.controls select').nth(1).selectOption('change');
    for (const v of variables) {
      if (changed) break;
      await variable.selectOption(v);
      changed = (await mapValues()).split(';').some((x) => Number(x) !== 0);
    }
    expect(changed, 'the map changes when a lever moves').toBe(true);
    expect(await mapValues()).not.toMatch(/NaN/);

    await tab(page, 'Charts');
    const line = () =>
      page.$$eval('.chart-body svg g[aria-label="line"] path', (ps) =>
        ps.map((p) => p.getAttribute('d')).join('|'),
      );
    const drawn = await line();
    expect(await page.locator('.chart-body svg text', { hasText: 'baseline' }).count()).toBeGreaterThan(0);
    await nudge(page, lever);
    expect(await line()).not.toBe(drawn);
    await page.close();
  });

  it('shows the numbers `worldorder run` computes for the same scenario file and seed, and downloads its files and charts', async () => {
    const file = join(tempDir(), 'mine.yaml');
    writeFileSync(
      file,
      'name: mine\ndescription: A test scenario.\nseed: 4242\nfirst_year: 2024\nlast_year: 2100\nparameters:\n  climate.ecs: 3.3\n',
    );
    const page = await open();
    await andRender(page, () => page.getByTestId('load-yaml').setInputFiles(file));
    await nudge(page, await aLever(page));
    expect(page.url()).toMatch(/set=/);
    const out = cliRun(page, file);
    const global = csvRows(readFileSync(join(out, 'global.csv'), 'utf8'));
    const shown = await numbers(page);
    let cells = 0;
    for (const [name, years] of Object.entries(shown)) {
      for (const [year, [value, text]] of Object.entries(years)) {
        expect(value, `${name} ${year}`).toBe(global.get(year)![name]);
        expect(text, `${name} ${year}`).toBe(fmt(Number(global.get(year)![name]), 4));
        cells++;
      }
    }
    expect(cells).toBeGreaterThanOrEqual(4 * 8);
    for (const name of ['global.csv', 'countries.csv', 'events.csv']) {
      expect(await download(page, name), name).toBe(readFileSync(join(out, name), 'utf8'));
    }
    // And a chart, as SVG and as PNG.
    const tools = page.locator('.chart-tools').first();
    const saved = async (format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        tools.getByRole('button', { name: format }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const svg = await saved('SVG');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg".*<\/svg>$/s);
    const png = await saved('PNG');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.length).toBeGreaterThan(5000);
    await page.close();
  });

  it('reopens the same run from a copied link', async () => {
    const page = await open();
    await nudge(page, await aLever(page));
    await page.locator('#seed').fill('99');
    await andRender(page, () => page.locator('#seed').press('Enter'));
    const shown = await numbers(page);
    const copy = await open(new URL(page.url()).hash);
    expect(await numbers(copy)).toEqual(shown);
    expect(new URL(copy.url()).hash).toBe(new URL(page.url()).hash);
    await Promise.all([page.close(), copy.close()]);
  });

  it('compares two scenarios side by side', async () => {
    const page = await open('#set=climate.intensity_decline:0.03&tab=compare');
    await page.waitForSelector('[data-testid=compare-table]');
    const diffs = await page.$$eval('[data-testid=compare-table] tbody tr td:nth-child(3n+1)', (tds) =>
      tds.map((td) => Number((td as HTMLElement).dataset.value)),
    );
    expect(diffs.some((d) => d !== 0)).toBe(true);
    const firstVsSecond = await page.$$eval('[data-testid=compare-table] tbody tr', (rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number((td as HTMLElement).dataset.value))),
    );
    for (const row of firstVsSecond) {
      // Cells carry 10 significant digits, so the difference agrees to rounding of the larger value.
      for (let k = 0; k < row.length; k += 3) {
        const tolerance = 1e-9 * (Math.abs(row[k]) + Math.abs(row[k + 1])) + 1e-12;
        expect(Math.abs(row[k + 2] - (row[k + 1] - row[k]))).toBeLessThanOrEqual(tolerance);
      }
    }
    await page.getByTestId('compare-a').selectOption('baseline');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=compare-table] td:nth-child(3n+1)')].every(
        (td) => Number((td as HTMLElement).dataset.value) === 0,
      ),
    );
    expect(await page.locator('.chart[data-chart^=compare-]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('explains: the causal diagram opens a mechanism, and the change is attributed to the lever', async () => {
    const page = await open('#set=climate.intensity_decline:0.03&tab=why');
    await page.locator('[data-node=economy]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('node-panel').textContent()).toMatch(/economy\.frontier_growth/);
    await page.getByTestId('attribution').getByText('Decline of carbon intensity').waitFor();
    await page.getByRole('button', { name: /the economy module/ }).click();
    await page.locator('.docs article h1').waitFor();
    expect(await page.locator('.docs article h1').textContent()).toMatch(/conomy/i);
    await page.close();
  });

  it('falls back to the baseline, saying why, on a broken link, a malformed file or impossible parameters', async () => {
    const page = await open('#s=baseline&set=climate.ecss:3');
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toMatch(/climate\.ecss.*did you mean climate\.ecs.*Showing the baseline instead/);
    expect(page.url()).not.toMatch(/set=/);

    const file = join(tempDir(), 'broken.yaml');
    writeFileSync(
      file,
      'name: broken\ndescription: d\nseed: 1\nfirst_year: 2024\nlast_year: 2100\nparameters:\n  climate.ecs: 99\n',
    );
    await page.getByTestId('load-yaml').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toMatch(
        /broken\.yaml:7: parameter 'climate\.ecs' = 99 is out of range \[2, 5\] K\. Showing the baseline instead/,
      );

    // TCR above ECS cannot run: the move is undone, with the reason, and the page keeps working.
    const tcr = page.getByLabel('Transient climate response, exact value in K');
    await tcr.fill('2.4');
    await andRender(page, () => tcr.press('Enter'));
    const ecs = page.getByLabel('Climate sensitivity, exact value in K');
    await ecs.fill('2.1');
    await ecs.press('Enter');
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toMatch(/climate\.tcr \(2\.4 K\) must be below climate\.ecs \(2\.1 K\).*undone/);
    await expect.poll(() => ecs.inputValue()).toBe('2.75');
    for (const name of ['Charts', 'Map', 'Country', 'Event log', 'Compare', 'Why']) {
      await tab(page, name);
      expect(await page.locator('main').textContent(), name).not.toMatch(/NaN|Infinity|undefined/);
    }
    await page.close();
  });

  it('works offline after the first visit', async () => {
    const page = await open();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector('body[data-rendered]');
    await browser.context.setOffline(true);
    try {
      const offline = await browser.context.newPage();
      await offline.goto(`${server.url}#set=climate.tcr:2`);
      await offline.waitForSelector('body[data-rendered]');
      expect(await offline.locator('[data-testid=numbers] tbody tr').count()).toBeGreaterThan(5);
      await offline.close();
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });

  it('fits a phone in portrait and can be used by keyboard with a visible focus', async () => {
    const page = await open('#tab=map');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ['Map', 'Charts', 'Why', 'Compare']) {
      await tab(page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await page.locator('body').focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(['BUTTON', 'INPUT', 'SELECT', 'A']).toContain(focus.tag);
    expect(focus.outline).not.toBe('none');
    await page.close();
  });

  it('logged no console error and no failed request', () => {
    expect(problems).toEqual([]);
  });
});
