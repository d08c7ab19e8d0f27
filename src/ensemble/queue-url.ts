/**
 * `--queue` URLs: where the Redis server of a BullMQ queue is. Kept apart from ./queue.ts so that
 * checking the flag does not load the queue client.
 */
import { UserError } from '../errors.js';

export interface RedisTarget {
  /** ioredis connection options. */
  readonly connection: {
    readonly host: string;
    readonly port: number;
    readonly username?: string;
    readonly password?: string;
    readonly db?: number;
    readonly tls?: object;
  };
  /** The URL without any password, for messages. */
  readonly display: string;
}

/** `redis://[user:password@]HOST[:PORT][/DB]` (or `rediss://` for TLS); the port defaults to 6379. */
export function parseQueueUrl(text: string): RedisTarget {
  const bad = (why: string) =>
    new UserError(`${why}; expected redis://HOST:PORT (or rediss:// for TLS), got '${text}'`, '--queue');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad('not a URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw bad(`unsupported scheme '${url.protocol}'`);
  if (!url.hostname) throw bad('no host');
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText)) throw bad(`the database must be a number, got '${dbText}'`);
  if (url.search || url.hash) throw bad('unexpected query or fragment');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    connection: {
      host,
      port,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(dbText ? { db: Number(dbText) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
    display: `${url.protocol}//${url.hostname}:${port}${dbText ? `/${dbText}` : ''}`,
  };
}
