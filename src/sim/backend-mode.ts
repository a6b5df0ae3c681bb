/**
 * Which backend this page uses. Served by `pipeline-console serve`, the page finds a marker in
 * index.html (src/server/static-files.ts) and talks to that server over plain HTTP: it starts
 * no engine of its own (no SharedWorker, no MSW). A service worker left registered by the
 * in-browser mode on the same origin would still be asked for every request, so it goes.
 */
export const BACKEND_META = 'pipeline-console-backend'

export function usesServerBackend(): boolean {
  return document.querySelector(`meta[name="${BACKEND_META}"]`)?.getAttribute('content') === 'server'
}

/** Unregisters MSW's service worker of the in-browser mode, if this origin still has one. */
export async function forgetInBrowserBackend(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const registrations = await navigator.serviceWorker.getRegistrations()
  await Promise.all(
    registrations
      .filter((r) => (r.active ?? r.waiting ?? r.installing)?.scriptURL.endsWith('/mockServiceWorker.js'))
      .map((r) => r.unregister()),
  )
}
