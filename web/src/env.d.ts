/** Set at build time from package.json (web/vite.config.ts). */
declare const __CODE_VERSION__: string;

/** The page's copy of data/world.json without the model-only tables (web/page-data-plugin.ts). */
declare module 'virtual:page-data' {
  const world: unknown;
  export default world;
}
