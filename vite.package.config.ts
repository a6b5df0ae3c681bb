/**
 * The package's Node code, compiled to plain ESM JavaScript in lib/ (`npm run build:package`,
 * run by `prepack`): the `pipeline-console` bin (src/server/main.ts) and the Playwright kit
 * (src/playwright). An SSR build bundles the engine, the handlers and their libraries (msw, zod)
 * into the files, so an install needs no dependency at run time; @playwright/test stays external,
 * the consumer's own copy (a peer dependency). See docs/decisions/011-package-and-kit.md.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  // No plugins and no public/ copy: nothing here is for the browser.
  publicDir: false,
  resolve: {
    // The full public-suffix list is dead weight for a same-origin simulator (as in vite.config.ts).
    alias: {
      tldts: fileURLToPath(new URL('./src/sim/public-suffix-stub.ts', import.meta.url)),
      // MSW's jar for cookies set by mocked responses: none of the handlers sets one (see the stub).
      'tough-cookie': fileURLToPath(new URL('./src/sim/cookie-jar-stub.ts', import.meta.url)),
    },
  },
  ssr: { noExternal: true, external: ['@playwright/test'], target: 'node' },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'lib',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { 'pipeline-console': 'src/server/main.ts', playwright: 'src/playwright/index.ts' },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
})
