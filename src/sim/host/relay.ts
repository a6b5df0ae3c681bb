/**
 * The simulator's service worker's logic (service-worker.ts is only its event wiring): it answers
 * a page's API requests by forwarding them straight to the backend, over a port the page handed
 * it once, so no request crosses the page's main thread — the first screen's requests are
 * answered while the page is still evaluating its code (docs/decisions/009-start-up-at-the-floor.md).
 *
 * Each page hands over its own port (to the shared worker, or to the backend in the page); a
 * page's requests go through its port. A worker restarted by the browser has forgotten the ports:
 * it asks the page for a new one. A page served by `pipeline-console serve` says its requests go
 * to the network.
 */
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from '../../contract/problem'
import { HostConnection } from './connection'

/** What a page says to the service worker. */
export type PageToRelay =
  /**
   * `ports[0]` is a port to the backend; the answer comes on `ports[1]` (`RelayReply`) once the
   * backend is ready to answer on it.
   */
  | { type: 'backend-port' }
  /** This page's requests go to the network (its backend is a server). */
  | { type: 'bypass' }
  /** A page whose worker does not control it yet (a hard reload) asks to be taken over. */
  | { type: 'claim' }
  /** Sent now and then while a page is open, so the browser does not stop the worker idle. */
  | { type: 'keepalive' }

export type RelayReply = { type: 'relaying' } | { type: 'refused'; reason: string }

/** What the service worker asks a page for. */
export type RelayToPage = { type: 'port-needed' }

/** Only the console's API and the simulator's controls, asked for by the page's code. */
export function relays(request: Pick<Request, 'url' | 'mode'>, origin: string): boolean {
  if (request.mode === 'navigate') return false
  const url = new URL(request.url)
  return url.origin === origin && (url.pathname.startsWith('/api/') || url.pathname.startsWith('/__sim/'))
}

export interface RelayOptions {
  /** Posts `port-needed` to a page; false when there is no such page. */
  askForPort(clientId: string): Promise<boolean>
  /** The ids of the pages open now (to forget the ports of closed ones). */
  openClients(): Promise<string[]>
  network(request: Request): Promise<Response>
  /** How long a page asked for a port may take to hand one over. */
  portTimeoutMs: number
  /** How long the backend may take to acknowledge a port (it may still be starting). */
  welcomeMs: number
}

function unavailable(detail: string): Response {
  return Response.json(
    { type: PROBLEM_TYPES.serverError, title: 'Service Unavailable', status: 503, detail },
    { status: 503, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
  )
}

export class Relay {
  private readonly connections = new Map<string, HostConnection>()
  private readonly bypassed = new Set<string>()
  /** Requests of pages that were asked for a port, waiting for it (or for a bypass). */
  private readonly waiting = new Map<string, Promise<HostConnection | undefined>>()
  private readonly arrivals = new Map<string, (connection: HostConnection | undefined) => void>()

  constructor(private readonly options: RelayOptions) {}

  /** A page's port to the backend: resolves once the backend answers on it, rejects if it refuses. */
  async attach(clientId: string, port: MessagePort): Promise<void> {
    const connection = new HostConnection(port)
    await connection.hello(this.options.welcomeMs, { relay: true })
    this.bypassed.delete(clientId)
    this.connections.set(clientId, connection)
    this.arrive(clientId, connection)
    void this.forgetClosed()
  }

  bypass(clientId: string): void {
    this.bypassed.add(clientId)
    this.connections.delete(clientId)
    this.arrive(clientId, undefined)
  }

  async fetch(clientId: string, request: Request): Promise<Response> {
    if (this.bypassed.has(clientId)) return this.options.network(request)
    const connection = this.connections.get(clientId) ?? (await this.portOf(clientId))
    if (connection) return connection.fetch(request)
    if (this.bypassed.has(clientId)) return this.options.network(request)
    return unavailable(
      'The simulated backend is not connected to this page: reload it. (The page did not hand its service worker a port to the backend.)',
    )
  }

  private portOf(clientId: string): Promise<HostConnection | undefined> {
    const known = this.waiting.get(clientId)
    if (known) return known
    const arrival = new Promise<HostConnection | undefined>((resolve) => {
      const timer = setTimeout(() => this.arrive(clientId, undefined), this.options.portTimeoutMs)
      this.arrivals.set(clientId, (connection) => {
        clearTimeout(timer)
        resolve(connection)
      })
      this.options.askForPort(clientId).then(
        (asked) => asked || this.arrive(clientId, undefined),
        () => this.arrive(clientId, undefined),
      )
    })
    this.waiting.set(clientId, arrival)
    return arrival
  }

  private arrive(clientId: string, connection: HostConnection | undefined): void {
    const resolve = this.arrivals.get(clientId)
    this.arrivals.delete(clientId)
    this.waiting.delete(clientId)
    resolve?.(connection)
  }

  private async forgetClosed(): Promise<void> {
    const open = new Set(await this.options.openClients())
    for (const id of this.connections.keys()) if (!open.has(id)) this.connections.delete(id)
    for (const id of this.bypassed) if (!open.has(id)) this.bypassed.delete(id)
  }
}
