/**
 * A small static server for the explorer's production build: the build's gzip copies to browsers that accept
 * them (web/precompress-plugin.ts), long caching for the content-hashed assets, none for the page and the
 * service worker (so a new build is picked up).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export interface Running {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export function staticApp(root: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    const hashed = c.req.path.startsWith('/assets/');
    c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

/** Serves `root` on host:port (port 0: any free port); rejects when the port cannot be had. */
export function startServer(root: string, port: number, host: string): Promise<Running> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: staticApp(root).fetch, port, hostname: host }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const actual = (server.address() as AddressInfo).port;
      const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
      resolve({
        port: actual,
        url: `http://${shown}:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
