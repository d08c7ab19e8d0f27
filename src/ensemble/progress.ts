/**
 * Progress on standard error: a bar with the time left on a terminal; otherwise (CI, a log file) a plain
 * line every few seconds and one at the end. The time left is the average pace so far applied to what
 * remains.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  add(n: number): void;
  stop(): void;
}

/** Milliseconds between plain lines when standard error is not a terminal. */
const PLAIN_EVERY_MS = 2000;
const BAR_WIDTH = 30;

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60
    ? `${s} s`
    : s < 3600
      ? `${Math.floor(s / 60)} min ${s % 60} s`
      : `${(s / 3600).toFixed(1)} h`;
}

export function progressBar(label: string, total: number, unit: string): Progress {
  const tty = process.stderr.isTTY === true;
  const format = (_: unknown, p: { value: number; total: number; startTime: number; stopTime?: number }) => {
    const elapsed = ((p.stopTime ?? Date.now()) - p.startTime) / 1000;
    const percent = Math.floor((100 * p.value) / p.total);
    const left =
      p.value === p.total
        ? `done in ${duration(elapsed)}`
        : p.value === 0
          ? 'estimating the time left'
          : `about ${duration((elapsed / p.value) * (p.total - p.value))} left`;
    const done = Math.round((BAR_WIDTH * p.value) / p.total);
    const bar = tty ? `[${'█'.repeat(done)}${'░'.repeat(BAR_WIDTH - done)}] ` : '';
    return `${label}: ${bar}${p.value}/${p.total} ${unit} (${percent} %), ${left}`;
  };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: PLAIN_EVERY_MS,
    format: format as unknown as string,
    hideCursor: tty,
  });
  bar.start(total, 0);
  return {
    add: (n) => bar.increment(n),
    stop: () => bar.stop(),
  };
}
