/**
 * The simulator's service worker, served as `/sim-service-worker.js` (a module worker): the
 * event wiring of relay.ts. It takes over every page of its scope as soon as it is active, so a
 * first visit needs no reload.
 */
import { type PageToRelay, Relay, type RelayReply, type RelayToPage, relays } from './relay'

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  readonly clientId: string
  respondWith(response: Promise<Response>): void
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown
  readonly ports: readonly MessagePort[]
  readonly source: { id: string } | null
}
interface WorkerClient {
  readonly id: string
  postMessage(message: RelayToPage): void
}
interface ServiceWorkerScope {
  readonly location: { origin: string }
  readonly clients: {
    get(id: string): Promise<WorkerClient | undefined>
    matchAll(options: { type: 'window' }): Promise<WorkerClient[]>
    claim(): Promise<void>
  }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void
}

const scope = globalThis as unknown as ServiceWorkerScope

const relay = new Relay({
  askForPort: async (clientId) => {
    const client = clientId ? await scope.clients.get(clientId) : undefined
    client?.postMessage({ type: 'port-needed' })
    return client !== undefined
  },
  openClients: async () => (await scope.clients.matchAll({ type: 'window' })).map((client) => client.id),
  network: (request) => fetch(request),
  portTimeoutMs: 5_000,
  // The backend may be restoring a large snapshot.
  welcomeMs: 30_000,
})

scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()))
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()))

scope.addEventListener('fetch', (event) => {
  if (!relays(event.request, scope.location.origin)) return
  event.respondWith(relay.fetch(event.clientId, event.request))
})

scope.addEventListener('message', (event) => {
  const message = event.data as PageToRelay
  const clientId = event.source?.id ?? ''
  switch (message.type) {
    case 'backend-port': {
      const [port, reply] = event.ports
      if (!port || !reply) return
      const answered = relay.attach(clientId, port).then(
        () => reply.postMessage({ type: 'relaying' } satisfies RelayReply),
        (error: Error) => reply.postMessage({ type: 'refused', reason: error.message } satisfies RelayReply),
      )
      event.waitUntil(answered)
      break
    }
    case 'bypass':
      relay.bypass(clientId)
      break
    case 'claim':
      event.waitUntil(scope.clients.claim())
      break
    case 'keepalive':
      break
  }
})
