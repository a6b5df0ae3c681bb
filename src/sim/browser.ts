/**
 * Starts the simulated backend for this tab and registers the MSW service worker that routes
 * the console's API calls to it. Every tab of the origin shares one backend in a SharedWorker
 * (host/engine-worker.ts); this tab's handlers only forward to it. Where there is no
 * SharedWorker (some mobile browsers), or with `?sim-host=page`, the backend runs in this page
 * as before — one per tab — and `GET /__sim/status` says `"host": "page"`.
 * See docs/decisions/007-shared-backend.md.
 */
import type { RequestHandler } from 'msw'
import { setupWorker } from 'msw/browser'
import type { HostKind } from './host/backend'
import { buildName } from './host/build-name'
import { HostConnection } from './host/connection'
import { engineWorker, requestedHost } from './host/early-worker'
import { SERVICE_WORKER_URL, serviceWorkerControls } from './host/early-service-worker'

/** How long a tab waits for the shared worker to acknowledge it before running its own backend. */
const WELCOME_TIMEOUT_MS = 3_000

async function pageHost(): Promise<RequestHandler[]> {
  // Loaded only here: with a shared worker the engine is not part of the page's code.
  const [{ startBackend }, { SnapshotStore }] = await Promise.all([import('./host/backend'), import('./persistence')])
  const backend = await startBackend({
    host: 'page',
    store: new SnapshotStore(),
    realNow: () => performance.now(),
    // This chunk's hashed name changes with the backend chunk it loads, which carries the engine.
    build: buildName(import.meta.url),
  })
  window.addEventListener('pagehide', () => void backend.flush())
  return backend.handlers
}

async function sharedHost(): Promise<RequestHandler[]> {
  const engine = engineWorker()
  const connection = new HostConnection(engine.worker.port)
  engine.onError(() => connection.fail(new Error('The shared simulator worker failed to load or crashed.')))
  await connection.hello(WELCOME_TIMEOUT_MS)
  window.addEventListener('pagehide', () => connection.bye())
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) connection.reconnect()
  })
  return connection.handlers()
}

/** Resolves once this tab's API calls are answered; says where the backend runs. */
async function startHost(): Promise<{ host: HostKind; handlers: RequestHandler[] }> {
  const host = requestedHost()
  if (host === 'page') return { host, handlers: await pageHost() }
  try {
    return { host, handlers: await sharedHost() }
  } catch (error) {
    console.warn('Pipeline Console: the shared simulator is unavailable; running one in this tab.', error)
    return { host: 'page', handlers: await pageHost() }
  }
}

export async function startSimulator(): Promise<{ host: HostKind }> {
  // The service worker registers while the engine starts: neither waits for the other. No request
  // is made before both are done (the app awaits this), so the empty handler list is never used.
  const worker = setupWorker()
  const [{ host, handlers }] = await Promise.all([
    startHost(),
    serviceWorkerControls().then(() =>
      worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: SERVICE_WORKER_URL } }),
    ),
  ])
  worker.resetHandlers(...handlers)
  return { host }
}
