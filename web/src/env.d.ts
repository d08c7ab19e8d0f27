/** Set at build time from package.json (web/vite.config.ts). */
declare const __CODE_VERSION__: string;
