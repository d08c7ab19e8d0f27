/**
 * Makes the README's screenshot of the explorer (docs/img/explorer.png): the production build in Debian's
 * Chromium at 1360 x 900, with two levers at the top of their ranges (bloc decoupling, a driver of the
 * backlash, and the decline of carbon intensity), so the charts show a run against the baseline's ghost line. `npm run screenshot` (builds the explorer first when it is stale).
 */
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server/static.js';
import { buildWeb, WEB_DIST, webBuildIsStale } from '../src/server/web-build.js';
import { launch } from '../test/e2e/browser.js';

const OUT = fileURLToPath(new URL('../docs/img/explorer.png', import.meta.url));
const LEVERS = ['trade.decoupling_cost_pct', 'climate.intensity_decline'];

if (webBuildIsStale()) await buildWeb();
const server = await startServer(WEB_DIST, 0, '127.0.0.1');
const browser = await launch({ width: 1360, height: 900 });
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-rendered]');
  for (const id of LEVERS) {
    const before = await page.getAttribute('body', 'data-rendered');
    await page.locator(`[data-lever="${id}"] input[type=range]`).focus();
    await page.keyboard.press('End');
    await page.waitForFunction(`document.body.dataset.rendered !== ${JSON.stringify(before)}`);
  }
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
