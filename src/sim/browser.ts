/**
 * Starts the simulated backend for this tab and connects the simulator's service worker to it.
 * Every tab of the origin shares one backend in a SharedWorker (host/engine-worker.ts); the tab
 * hands the service worker a port to it, and the service worker forwards the console's API
 * calls straight there (host/relay.ts): this page's thread never handles a request. Where there
 * is no SharedWorker (some mobile browsers), or with `?sim-host=page`, the backend runs in this
 * page — one per tab — behind the same protocol, and `GET /__sim/status` says `"host": "page"`.
 * See docs/decisions/007-shared-backend.md and 009-start-up-at-the-floor.md.
 */
import type { HostKind } from './host/backend'
import { buildName } from './host/build-name'
import { HostConnection } from './host/connection'
import { engineWorker, requestedHost } from './host/early-worker'
import { serviceWorkerControls } from './host/early-service-worker'
import type { PageToRelay, RelayReply, RelayToPage } from './host/relay'

/** How long a tab waits for the shared worker to acknowledge it before running its own backend. */
const WELCOME_TIMEOUT_MS = 3_000
/** Under the browser's 30 s before it stops an idle service worker, which forgets its ports. */
const KEEPALIVE_MS = 20_000

interface Host {
  host: HostKind
  /** Serves requests sent over this port with the backend. */
  serve(port: MessagePort): void
}

async function pageHost(): Promise<Host> {
  // Loaded only here: with a shared worker the engine is not part of the page's code.
  const [{ startBackend }, { SnapshotStore }, { HostServer }] = await Promise.all([
    import('./host/backend'),
    import('./persistence'),
    import('./host/server'),
  ])
  const backend = await startBackend({
    host: 'page',
    store: new SnapshotStore(),
    realNow: () => performance.now(),
    // This chunk's hashed name changes with the backend chunk it loads, which carries the engine.
    build: buildName(import.meta.url),
  })
  window.addEventListener('pagehide', () => void backend.flush())
  const server = new HostServer(Promise.resolve(backend), window.location.origin)
  return { host: 'page', serve: (port) => server.connect(port) }
}

async function sharedHost(): Promise<Host> {
  const engine = engineWorker()
  const connection = new HostConnection(engine.worker.port)
  engine.onError(() => connection.fail(new Error('The shared simulator worker failed to load or crashed.')))
  await connection.hello(WELCOME_TIMEOUT_MS)
  window.addEventListener('pagehide', () => connection.bye())
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) connection.reconnect()
  })
  return { host: 'shared-worker', serve: (port) => connection.attach(port) }
}

/** Resolves once this tab's backend is ready; says where it runs. */
async function startHost(): Promise<Host> {
  if (requestedHost() === 'page') return pageHost()
  try {
    return await sharedHost()
  } catch (error) {
    console.warn('Pipeline Console: the shared simulator is unavailable; running one in this tab.', error)
    return pageHost()
  }
}

/** Hands the service worker a new port to the backend; resolves once it relays through it. */
function handPort(worker: ServiceWorker, host: Host): Promise<void> {
  const backend = new MessageChannel()
  const reply = new MessageChannel()
  host.serve(backend.port1)
  const relaying = new Promise<void>((resolve, reject) => {
    reply.port1.onmessage = (event: MessageEvent) => {
      reply.port1.close()
      const answer = event.data as RelayReply
      if (answer.type === 'relaying') resolve()
      else reject(new Error(answer.reason))
    }
  })
  worker.postMessage({ type: 'backend-port' } satisfies PageToRelay, [backend.port2, reply.port2])
  return relaying
}

export async function startSimulator(): Promise<{ host: HostKind }> {
  // The service worker registers while the engine starts: neither waits for the other. No request
  // is made before both are connected (the app awaits this).
  const [host, worker] = await Promise.all([startHost(), serviceWorkerControls()])
  const container = navigator.serviceWorker
  // A service worker the browser stopped, or a new version of it, has no port: it asks again.
  container.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as RelayToPage).type !== 'port-needed' || !container.controller) return
    handPort(container.controller, host).catch((error: unknown) => console.error(error))
  })
  container.startMessages()
  setInterval(() => container.controller?.postMessage({ type: 'keepalive' } satisfies PageToRelay), KEEPALIVE_MS)
  await handPort(worker, host)
  return { host: host.host }
}
