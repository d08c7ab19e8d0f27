/** `worldorder explore` (and `npm start`): build the web explorer if needed and serve it. */
import { mkdirSync } from 'node:fs';
import { UserError } from '../../errors.js';
import { startServer } from '../../server/static.js';
import { buildWeb, WEB_DIST, webBuildIsStale } from '../../server/web-build.js';

interface ExploreOptions {
  port: string;
  host: string;
  rebuild?: boolean;
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`the port must be a whole number from 1 to 65535, got '${text}'`, '--port');
  }
  return port;
}

export async function explore(opts: ExploreOptions): Promise<void> {
  const port = parsePort(opts.port);
  // Take the port first, so that a busy one is reported at once; the URL is printed once the build is there.
  mkdirSync(WEB_DIST, { recursive: true });
  const running = await startServer(WEB_DIST, port, opts.host).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      throw new UserError(`port ${port} is in use; choose another with --port ${port + 1}`, '--port');
    }
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EACCES') {
      throw new UserError(`cannot listen on ${opts.host}:${port} (${err.code})`, '--host');
    }
    throw err;
  });
  if (opts.rebuild || webBuildIsStale()) {
    process.stdout.write('building the explorer (web/ -> dist/web/)...\n');
    try {
      await buildWeb();
    } catch (err) {
      await running.close();
      throw err;
    }
  }
  process.stdout.write(`worldorder explorer: ${running.url}\n(press Ctrl+C to stop)\n`);
}
