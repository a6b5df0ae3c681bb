/**
 * Which backend this page uses. Served by `pipeline-console serve`, the page finds a marker in
 * index.html (src/server/static-files.ts) and talks to that server over plain HTTP: it starts
 * no engine of its own (no SharedWorker, no service worker). A service worker left registered by
 * the in-browser mode on the same origin would still be asked for every request, so it goes.
 */
import { FORMER_SERVICE_WORKER, SERVICE_WORKER_FILE } from './host/early-service-worker'
import type { PageToRelay, RelayToPage } from './host/relay'

export const BACKEND_META = 'pipeline-console-backend'

export function usesServerBackend(): boolean {
  return document.querySelector(`meta[name="${BACKEND_META}"]`)?.getAttribute('content') === 'server'
}

const SCRIPTS = [SERVICE_WORKER_FILE, FORMER_SERVICE_WORKER].map((name) => `/${name}`)

/**
 * Unregisters the in-browser mode's service worker, if this origin still has one. Until this
 * page is left it still controls it, so it is told (and reminded, should it restart) that this
 * page's requests go to the network.
 */
export async function forgetInBrowserBackend(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const container = navigator.serviceWorker
  const bypass = () => container.controller?.postMessage({ type: 'bypass' } satisfies PageToRelay)
  container.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as RelayToPage).type === 'port-needed') bypass()
  })
  container.addEventListener('controllerchange', bypass)
  container.startMessages()
  bypass()
  const registrations = await container.getRegistrations()
  await Promise.all(
    registrations
      .filter((r) => SCRIPTS.some((script) => (r.active ?? r.waiting ?? r.installing)?.scriptURL.endsWith(script)))
      .map((r) => r.unregister()),
  )
}
