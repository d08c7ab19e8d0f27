/** `worldorder explore`: the static server behind `npm start`, and its errors. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { staticApp } from '../src/server/static.js';
import { cli, tempDir } from './helpers.js';

describe('the explorer server', () => {
  const root = tempDir();
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  writeFileSync(join(root, 'assets', 'app-1234.js'), script);
  writeFileSync(join(root, 'assets', 'app-1234.js.gz'), gzipSync(script));
  const app = staticApp(root);

  it('serves the page uncached, hashed assets cached for a year, and the gzip copy to who accepts it', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await app.request('/assets/app-1234.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await asset.arrayBuffer())).toString()).toBe(script);
    const plain = await app.request('/assets/app-1234.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('answers 404 for anything else, and never leaves the build folder', async () => {
    expect((await app.request('/missing.js')).status).toBe(404);
    expect((await app.request('/../package.json')).status).toBe(404);
    expect((await app.request('/%2e%2e/package.json')).status).toBe(404);
  });
});

describe('worldorder explore', () => {
  it('refuses a bad port in one line', () => {
    const r = cli(['explore', '--port', 'eighty']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toBe(
      "worldorder: --port: the port must be a whole number from 1 to 65535, got 'eighty'\n",
    );
  });

  it('says when the port is taken, before building anything', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = cli(['explore', '--port', String(port)]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toBe(
        `worldorder: --port: port ${port} is in use; choose another with --port ${port + 1}\n`,
      );
      expect(r.stdout).toBe('');
    } finally {
      blocker.close();
    }
  });
});
