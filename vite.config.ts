import { fileURLToPath } from 'node:url'
import optimizeLocales from '@react-aria/optimize-locales-plugin'
import react from '@vitejs/plugin-react'
import macros from 'unplugin-parcel-macros'
import { defineConfig } from 'vite'
import {
  cachedAssetsInPreview,
  reactRouterProductionBuild,
  s2FontsStub,
  s2WithoutTypekit,
  simServiceWorker,
} from './scripts/vite-plugins.ts'

export default defineConfig({
  resolve: {
    // The full public-suffix list is dead weight for a same-origin simulator (see the stub).
    alias: {
      tldts: fileURLToPath(new URL('./src/sim/public-suffix-stub.ts', import.meta.url)),
      // MSW's jar for cookies set by mocked responses: none of the handlers sets one (see the stub).
      'tough-cookie': fileURLToPath(new URL('./src/sim/cookie-jar-stub.ts', import.meta.url)),
    },
  },
  // The style macro must run before any other transform.
  plugins: [
    macros.vite(),
    react(),
    { ...optimizeLocales.vite({ locales: ['en-US'] }), enforce: 'pre' },
    s2WithoutTypekit(),
    reactRouterProductionBuild(),
    cachedAssetsInPreview(),
    simServiceWorker('src/sim/host/service-worker.ts'),
  ],
  // The dev server pre-bundles the kit: it gets the same font stub there.
  optimizeDeps: { rolldownOptions: { plugins: [s2FontsStub()] } },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
  // The engine's shared worker is a module worker (early-worker.ts): as ES modules its request-body
  // and saved-state schemas can stay in chunks loaded on first use (the default, iife, inlines them).
  // zod gets a chunk of its own name, so dist/ shows at a glance that the worker's start is without it.
  worker: {
    format: 'es',
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] } } },
  },
  build: {
    target: ['es2022'],
    cssMinify: 'lightningcss',
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (/macro-(.*)\.css$/.test(id) || /@react-spectrum\/s2\/.*\.css$/.test(id)) return 's2-styles'
          return undefined
        },
      },
    },
  },
})
