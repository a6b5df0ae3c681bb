/**
 * The simulator's service worker (service-worker.ts), registered by the entry module while the
 * rest of the console downloads: installing it is most of what a first visit waits for before
 * the first request can be answered. Kept free of imports that would pull code in. The script is
 * one classic script built with everything it imports (scripts/vite-plugins.ts).
 */
/** The script's file name; the build emits it (scripts/vite-plugins.ts) under the console's base path. */
export const SERVICE_WORKER_FILE = 'sim-service-worker.js'
export const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}${SERVICE_WORKER_FILE}`

/** The script of the in-browser mode before this one (MSW's); forgotten like ours in server mode. */
export const FORMER_SERVICE_WORKER = 'mockServiceWorker.js'

/** A first visit installs and activates the worker; after this long something is wrong. */
const CONTROL_TIMEOUT_MS = 10_000

let early: Promise<ServiceWorker> | undefined

const ours = (worker: ServiceWorker | null | undefined): worker is ServiceWorker =>
  worker?.scriptURL === new URL(SERVICE_WORKER_URL, window.location.href).href

/** Starts registering the worker, unless it already controls the page (every later visit). */
export function registerServiceWorkerEarly(): void {
  if (early || !('serviceWorker' in navigator)) return
  early = ours(navigator.serviceWorker.controller) ? Promise.resolve(navigator.serviceWorker.controller) : register()
  // Reported by the simulator's start, which awaits it.
  early.catch(() => {})
}

async function register(): Promise<ServiceWorker> {
  const container = navigator.serviceWorker
  const controlled = untilControlled()
  const registration = await container.register(SERVICE_WORKER_URL, { scope: import.meta.env.BASE_URL })
  // A first visit: the new worker takes the page over once active. A hard reload bypasses the
  // active worker: asked, it takes the page over too.
  if (!ours(container.controller)) registration.active?.postMessage({ type: 'claim' })
  return controlled
}

function untilControlled(): Promise<ServiceWorker> {
  const container = navigator.serviceWorker
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The simulator\u2019s service worker did not take control of this page; reload it.')),
      CONTROL_TIMEOUT_MS,
    )
    const check = () => {
      if (!ours(container.controller)) return
      clearTimeout(timer)
      container.removeEventListener('controllerchange', check)
      resolve(container.controller)
    }
    container.addEventListener('controllerchange', check)
    check()
  })
}

/** Resolves with the worker that controls the page, registering it if the entry did not. */
export function serviceWorkerControls(): Promise<ServiceWorker> {
  if (!('serviceWorker' in navigator)) {
    return Promise.reject(new Error('This browser offers no service workers, which the simulated backend needs.'))
  }
  registerServiceWorkerEarly()
  return early as Promise<ServiceWorker>
}
