/**
 * Vite plugins of the console's build (vite.config.ts), also used by the bench's yardsticks.
 */
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'
import { cacheControlFor } from './static-server.ts'

const S2_FONTS = /@react-spectrum[\\/]s2[\\/]dist[\\/]private[\\/]Fonts\.mjs$/

/**
 * No request leaves the origin: Spectrum 2's Provider renders a `Fonts` component that preloads
 * Adobe Clean from use.typekit.net and imports `@font-face` rules pointing there. It is replaced by
 * one that renders nothing; the typeface is the system UI stack set through the kit's own
 * `--s2-font-family-sans` variable (src/app/typeface.css). See docs/decisions/009-start-up-at-the-floor.md.
 */
export function s2WithoutTypekit(): Plugin {
  return { ...s2FontsStub(), enforce: 'pre' }
}

/** The same for the dev server's dependency pre-bundling (a plain Rolldown plugin). */
export function s2FontsStub(): { name: string; load: (id: string) => string | undefined } {
  return {
    name: 's2-without-typekit',
    load: (id) => (S2_FONTS.test(id) ? 'export function Fonts() { return null }' : undefined),
  }
}

/**
 * React Router's package exports only its development build to bundlers (warnings, checks and
 * their messages); its production build ships beside it. `vite build` takes that one; the dev
 * server and tests keep the development build and its warnings.
 */
export function reactRouterProductionBuild(): Plugin {
  const dist = (file: string) => fileURLToPath(new URL(`../node_modules/react-router/dist/production/${file}`, import.meta.url))
  return {
    name: 'react-router-production-build',
    config: (_config, { command }) =>
      command === 'build'
        ? {
            resolve: {
              alias: [
                { find: /^react-router$/, replacement: dist('index.mjs') },
                { find: /^react-router\/dom$/, replacement: dist('dom-export.mjs') },
              ],
            },
          }
        : undefined,
  }
}

/**
 * `vite preview` (`npm start`) sends no Cache-Control, so a browser revalidates every file on
 * each visit. Built assets are named by their content hash: they are cached for good; the page
 * and the service worker's script are revalidated (ETag) every time, as by scripts/static-server.ts.
 */
export function cachedAssetsInPreview(): Plugin {
  return {
    name: 'cached-assets-in-preview',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('Cache-Control', cacheControlFor(new URL(req.url ?? '/', 'http://localhost').pathname))
        next()
      })
    },
  }
}

/** Where the simulator's service worker is served: its scope is the console's base path. */
const SERVICE_WORKER_FILE = 'sim-service-worker.js'

/** One classic script with everything it imports: a service worker's script URL never changes. */
async function bundleServiceWorker(root: string, entry: string, minify: boolean): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify,
      target: 'es2022',
      rollupOptions: { input: entry, output: { format: 'iife', entryFileNames: SERVICE_WORKER_FILE } },
    },
  })
  const chunk = (Array.isArray(output) ? output : [output])
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((file) => file.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Building ${entry} gave no script.`)
  return chunk.code
}

/**
 * The simulator's service worker (src/sim/host/service-worker.ts) as `/sim-service-worker.js`:
 * emitted into the build, and built on request by the dev server.
 */
export function simServiceWorker(entry: string): Plugin {
  let root = process.cwd()
  return {
    name: 'sim-service-worker',
    configResolved: (config) => {
      root = config.root
    },
    configureServer(server) {
      server.middlewares.use(`${server.config.base}${SERVICE_WORKER_FILE}`, (_req, res, next) => {
        bundleServiceWorker(root, entry, false).then((code) => {
          res.setHeader('Content-Type', 'text/javascript')
          res.setHeader('Cache-Control', 'no-cache')
          res.end(code)
        }, next)
      })
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: await bundleServiceWorker(root, entry, true) })
    },
  }
}
