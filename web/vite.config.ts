import { defineConfig } from 'vite';

/**
 * The settings page: plain TypeScript and DOM, built to `web/dist`. Paths are
 * relative to the repository root, where npm scripts run. `npm start` serves
 * the build with the API on one origin; `vite --config web/vite.config.ts`
 * serves the sources and proxies `/api` to a running `npm start`.
 */
export default defineConfig({
  root: 'web',
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Everything is a file: CSP `default-src 'self'` refuses data: URIs and inline code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT || 3000}` },
  },
});
