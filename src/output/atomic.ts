/**
 * Writing outputs all-or-nothing: everything goes to a temporary sibling first and is renamed into place
 * at the end, so a failure never leaves a half-written directory or file behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function tempSibling(path: string): string {
  return `${resolve(path)}.partial-${process.pid}`;
}

/** Builds a directory with `fill` (given the temporary path), then moves it to `dir`, replacing it. */
export async function writeDirectoryAtomically(
  dir: string,
  fill: (tmp: string) => Promise<void>,
): Promise<void> {
  const tmp = tempSibling(dir);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await fill(tmp);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const tmp = tempSibling(file);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
