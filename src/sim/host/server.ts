/**
 * The shared backend's side of the tab protocol (protocol.ts): answers each tab's requests with
 * the backend's handlers, streams event streams chunk by chunk, and ends a tab's streams when it
 * cancels them or says goodbye. Requests are handled as they arrive on one thread; every engine
 * command runs synchronously, so two tabs' commands never interleave (two simultaneous starts of
 * a pipeline: one 201, one 412).
 */
import { getResponse, type RequestHandler } from 'msw'
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from '../../contract/problem'
import { handlerIndex } from '../http/handler-index'
import type { Backend } from './backend'
import {
  type HostMessage,
  PROTOCOL_VERSION,
  requestFromWire,
  responseToWire,
  type TabMessage,
  type WireRequest,
} from './protocol'

/** The part of a MessagePort the server uses (a real port, or a test double). */
export interface Port {
  postMessage(message: HostMessage, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent) => void) | null
}

function notHandled(request: Request): Response {
  const { pathname } = new URL(request.url)
  return Response.json(
    { type: PROBLEM_TYPES.notFound, title: 'Not Found', status: 404, detail: `Nothing answers ${request.method} ${pathname}.` },
    { status: 404, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
  )
}

export class HostServer {
  private readonly tabs = new Set<Port>()
  /** Built once, when the backend is first used: MSW then tries only the handlers that can match. */
  private candidates: ((request: Request) => RequestHandler[]) | undefined

  constructor(
    private readonly backend: Promise<Backend>,
    /** The origin relative handler paths are resolved against. */
    private readonly baseUrl: string,
  ) {}

  /** Tabs connected now. */
  get size(): number {
    return this.tabs.size
  }

  connect(port: Port): void {
    /** Cancels an open event stream of this tab, by request id. */
    const streams = new Map<number, () => void>()
    port.onmessage = (event: MessageEvent) => {
      const message = event.data as TabMessage
      switch (message.type) {
        case 'hello':
          void this.hello(port, message.protocol, message.relay === true)
          break
        case 'attach':
          for (const attached of event.ports) this.connect(attached)
          break
        case 'request':
          void this.answer(port, streams, message.id, message.request)
          break
        case 'cancel':
          streams.get(message.id)?.()
          break
        case 'bye':
          for (const cancel of streams.values()) cancel()
          this.tabs.delete(port)
          // The last tab may be closing, and the worker with it.
          void this.backend.then((b) => b.flush())
          break
      }
    }
  }

  private async hello(port: Port, protocol: number, relay: boolean): Promise<void> {
    if (protocol !== PROTOCOL_VERSION) {
      port.postMessage({
        type: 'refused',
        reason: `This tab speaks protocol ${protocol}, the shared simulator ${PROTOCOL_VERSION}: reload every tab of the console.`,
      })
      return
    }
    port.postMessage({ type: 'welcome' })
    try {
      await this.backend
      if (!relay) this.tabs.add(port)
      port.postMessage({ type: 'ready', protocol: PROTOCOL_VERSION })
    } catch (error) {
      port.postMessage({ type: 'refused', reason: `The shared simulator failed to start: ${(error as Error).message}` })
    }
  }

  private async answer(port: Port, streams: Map<number, () => void>, id: number, wire: WireRequest): Promise<void> {
    try {
      const { handlers } = await this.backend
      this.candidates ??= handlerIndex(handlers)
      const abort = new AbortController()
      const request = requestFromWire(wire, abort.signal)
      const response = (await getResponse(this.candidates(request), request, { baseUrl: this.baseUrl })) ?? notHandled(request)
      const { wire: head, transfer } = await responseToWire(response)
      port.postMessage({ type: 'response', id, response: head }, transfer)
      if (head.stream && response.body) await this.pump(port, streams, id, response.body, abort)
    } catch (error) {
      console.error(error)
      port.postMessage({ type: 'failed', id, message: (error as Error).message })
    }
  }

  private async pump(
    port: Port,
    streams: Map<number, () => void>,
    id: number,
    body: ReadableStream<Uint8Array>,
    abort: AbortController,
  ): Promise<void> {
    const reader = body.getReader()
    let cancelled = false
    streams.set(id, () => {
      cancelled = true
      streams.delete(id)
      abort.abort()
      reader.cancel().catch(() => {})
    })
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done || cancelled) break
        const chunk = value.slice().buffer
        port.postMessage({ type: 'chunk', id, chunk }, [chunk])
      }
    } catch {
      // Cancelled, or the stream failed: either way it has ended.
    }
    if (!cancelled) {
      streams.delete(id)
      port.postMessage({ type: 'end', id })
    }
  }
}
