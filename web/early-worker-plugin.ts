/**
 * Starts the model worker from a one-line script at the top of the built page, before the main bundle is
 * fetched and compiled: the worker downloads, compiles and runs the baseline meanwhile, which takes a few
 * hundred milliseconds off the first load. The page's ModelClient adopts that worker
 * (web/src/lib/model-client.ts); in development, or if the script fails, it starts its own.
 */
import type { Plugin } from 'vite';

export const EARLY_WORKER = '__worldorderModelWorker';

export function earlyWorker(): Plugin {
  return {
    name: 'worldorder-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const worker = Object.keys(ctx.bundle ?? {}).find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
        if (!worker) throw new Error('early-worker: no model worker chunk in the bundle');
        const start = `try{window.${EARLY_WORKER}=new Worker(${JSON.stringify(`./${worker}`)},{type:'module'})}catch(e){}`;
        return [{ tag: 'script', children: start, injectTo: 'head-prepend' }];
      },
    },
  };
}
