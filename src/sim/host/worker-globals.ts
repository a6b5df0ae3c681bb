/**
 * Globals a worker lacks that the backend's libraries expect: msw's cookie store requires
 * `localStorage` in any browser-like environment. The backend uses no cookies, so an
 * in-memory stand-in does. Imported first by engine-worker.ts, before msw is evaluated.
 */
if (typeof (globalThis as { localStorage?: unknown }).localStorage === 'undefined') {
  const items = new Map<string, string>()
  const memoryStorage: Storage = {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key)
    },
    setItem: (key, value) => {
      items.set(key, String(value))
    },
  }
  Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage, configurable: true })
}

export {}
