/**
 * A client's side of the backend's protocol (protocol.ts): sends each request over a port and
 * turns the answer back into a Response. The page holds one to the shared worker (to greet it,
 * hand it ports and say goodbye); the simulator's service worker holds one per page, over the
 * port that page handed it, and forwards the page's API requests through it (relay.ts).
 */
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from '../../contract/problem'
import {
  type HostMessage,
  PROTOCOL_VERSION,
  requestToWire,
  responseFromWire,
  type TabMessage,
  type WireResponse,
} from './protocol'

/** The part of a MessagePort the connection uses. */
export interface TabPort {
  postMessage(message: TabMessage, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent) => void) | null
}

interface Pending {
  resolve: (response: Response) => void
  reject: (error: Error) => void
}

function hostFailure(message: string): Response {
  return Response.json(
    {
      type: PROBLEM_TYPES.serverError,
      title: 'Internal Server Error',
      status: 500,
      detail: `The shared simulator failed to answer: ${message}`,
    },
    { status: 500, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
  )
}

export class HostConnection {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly streams = new Map<number, ReadableStreamDefaultController<Uint8Array>>()
  private greeting: { welcome: () => void; resolve: () => void; reject: (error: Error) => void } | undefined
  private broken: Error | undefined

  constructor(private readonly port: TabPort) {
    port.onmessage = (event: MessageEvent) => this.receive(event.data as HostMessage)
  }

  /**
   * Resolves when the shared backend is ready to answer; rejects if it refuses, fails, or does
   * not even acknowledge the hello within `welcomeMs` (a worker that failed to start). Starting
   * the backend (restoring a large snapshot) may take longer than that.
   */
  hello(welcomeMs: number, { relay = false }: { relay?: boolean } = {}): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => this.greeting?.reject(new Error(`The shared simulator did not answer within ${welcomeMs} ms.`)),
        welcomeMs,
      )
      this.greeting = {
        welcome: () => clearTimeout(timer),
        resolve: () => {
          clearTimeout(timer)
          this.greeting = undefined
          resolve()
        },
        reject: (error) => {
          clearTimeout(timer)
          this.greeting = undefined
          reject(error)
        },
      }
      this.port.postMessage({ type: 'hello', protocol: PROTOCOL_VERSION, ...(relay ? { relay } : {}) })
    })
  }

  /** Hands the host a port that another party (the service worker) will send its requests through. */
  attach(port: MessagePort): void {
    this.port.postMessage({ type: 'attach' }, [port])
  }

  /** Says hello again (a page back from the back/forward cache). */
  reconnect(): void {
    this.port.postMessage({ type: 'hello', protocol: PROTOCOL_VERSION })
  }

  /** The tab is going away: its streams end and the backend saves. */
  bye(): void {
    this.port.postMessage({ type: 'bye' })
  }

  /** The worker died: every open request fails from now on. */
  fail(error: Error): void {
    this.broken = error
    this.greeting?.reject(error)
    for (const p of this.pending.values()) p.reject(error)
    this.pending.clear()
    for (const c of this.streams.values()) c.error(error)
    this.streams.clear()
  }

  async fetch(request: Request): Promise<Response> {
    if (this.broken) return hostFailure(this.broken.message)
    const id = this.nextId++
    const { wire, transfer } = await requestToWire(request)
    const answer = new Promise<Response>((resolve, reject) => this.pending.set(id, { resolve, reject }))
    const onAbort = () => this.cancel(id, request.signal.reason)
    request.signal.addEventListener('abort', onAbort, { once: true })
    this.port.postMessage({ type: 'request', id, request: wire }, transfer)
    try {
      return await answer
    } catch (error) {
      return hostFailure((error as Error).message)
    } finally {
      // A stream keeps listening until it ends; anything else is done.
      if (!this.streams.has(id)) request.signal.removeEventListener('abort', onAbort)
    }
  }

  private cancel(id: number, reason: unknown): void {
    const error = reason instanceof Error ? reason : new Error('The request was aborted.')
    const pending = this.pending.get(id)
    if (pending) {
      this.pending.delete(id)
      pending.reject(error)
    }
    const stream = this.streams.get(id)
    if (stream) {
      this.streams.delete(id)
      stream.error(error)
    }
    this.port.postMessage({ type: 'cancel', id })
  }

  private receive(message: HostMessage): void {
    switch (message.type) {
      case 'welcome':
        this.greeting?.welcome()
        break
      case 'ready':
        this.greeting?.resolve()
        break
      case 'refused':
        this.greeting?.reject(new Error(message.reason))
        break
      case 'response':
        this.respond(message.id, message.response)
        break
      case 'chunk':
        this.streams.get(message.id)?.enqueue(new Uint8Array(message.chunk))
        break
      case 'end': {
        const stream = this.streams.get(message.id)
        this.streams.delete(message.id)
        stream?.close()
        break
      }
      case 'failed': {
        const error = new Error(message.message)
        this.pending.get(message.id)?.reject(error)
        this.pending.delete(message.id)
        const stream = this.streams.get(message.id)
        this.streams.delete(message.id)
        stream?.error(error)
        break
      }
    }
  }

  private respond(id: number, head: WireResponse): void {
    const pending = this.pending.get(id)
    this.pending.delete(id)
    if (!pending) {
      // Aborted meanwhile: stop a stream that is starting.
      if (head.stream) this.port.postMessage({ type: 'cancel', id })
      return
    }
    if (!head.stream) {
      pending.resolve(responseFromWire(head))
      return
    }
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.streams.set(id, controller)
      },
      cancel: () => {
        if (!this.streams.delete(id)) return
        this.port.postMessage({ type: 'cancel', id })
      },
    })
    pending.resolve(responseFromWire(head, body))
  }
}
