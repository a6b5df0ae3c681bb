/**
 * MSW's service worker, registered by the entry module on a first visit, while the simulator's
 * client code (MSW) is still downloading: installing it is most of what a first visit waits for
 * before the first request can be answered. Kept free of imports that would pull code in.
 *
 * MSW reloads a page that has a registration but is not yet controlled by it, so its `start`
 * must wait until the early registration controls the page (`serviceWorkerControls`).
 */
export const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}mockServiceWorker.js`

/** After this long without control, MSW's own start takes over (and reports what is wrong). */
const CONTROL_TIMEOUT_MS = 5_000

let early: Promise<void> | undefined

/** Registers the worker unless one already controls the page (every later visit). */
export function registerServiceWorkerEarly(): void {
  if (early || !('serviceWorker' in navigator) || navigator.serviceWorker.controller) return
  early = navigator.serviceWorker.register(SERVICE_WORKER_URL).then(
    // A worker installed before that does not control this page (a hard reload) will not take
    // it over: MSW's start reloads the page then, as it always has, without waiting here.
    (registration) => (registration.installing || registration.waiting ? untilControlled() : undefined),
    // MSW registers again and reports the failure in its own words.
    () => undefined,
  )
}

function untilControlled(): Promise<void> {
  const container = navigator.serviceWorker
  if (container.controller) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CONTROL_TIMEOUT_MS)
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}

/** Resolves once an early registration controls the page (at once if there was none). */
export const serviceWorkerControls = (): Promise<void> => early ?? Promise.resolve()
