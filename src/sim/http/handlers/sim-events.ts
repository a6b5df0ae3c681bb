/**
 * The simulator's push channel (sim): `GET /__sim/events` answers `text/event-stream` and sends
 * `data: {"revision": n}` after every engine change, so clients refetch what they show instead
 * of polling. A comment line every `heartbeatMs` keeps proxies from closing an idle stream, and
 * lets the server notice a client that has gone. Clients treat any message as "something
 * changed"; the revision only lets them skip duplicates.
 */
import { http, HttpResponse } from 'msw'
import type { SimRuntime } from '../../runtime'

export const HEARTBEAT_MS = 15_000
/** How long an EventSource waits before reconnecting after the stream drops. */
export const RETRY_MS = 1_000
/** Unread events after which the client is taken to be gone (a cancel does not always reach us). */
export const MAX_BACKLOG = 64

export interface SimEventOptions {
  heartbeatMs?: number
}

const encoder = new TextEncoder()

export const revisionEvent = (revision: number) => `data: ${JSON.stringify({ revision })}\n\n`

export function simEventHandlers(runtime: SimRuntime, { heartbeatMs = HEARTBEAT_MS }: SimEventOptions = {}) {
  return [
    http.get('/__sim/events', ({ request }) => {
      let stop = () => {}
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          let open = true
          const send = (text: string) => {
            if (!open) return
            if ((controller.desiredSize ?? 0) < -MAX_BACKLOG) {
              onAbort()
              return
            }
            try {
              controller.enqueue(encoder.encode(text))
            } catch {
              // The reader is gone (a closed tab, a cancelled fetch): stop listening.
              stop()
            }
          }
          const unsubscribe = runtime.onChange((engine) => send(revisionEvent(engine.revision)))
          const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs)
          // Node: an open stream alone must not keep a process (a test run, `npm run api`) alive.
          ;(heartbeat as unknown as { unref?: () => void }).unref?.()
          const onAbort = () => {
            stop()
            try {
              controller.close()
            } catch {
              // Already closed or errored.
            }
          }
          stop = () => {
            if (!open) return
            open = false
            unsubscribe()
            clearInterval(heartbeat)
            request.signal.removeEventListener('abort', onAbort)
          }
          request.signal.addEventListener('abort', onAbort)
          // The current revision first: a client that reconnects compares it with the last it saw.
          send(`retry: ${RETRY_MS}\n\n`)
          send(revisionEvent(runtime.engine.revision))
        },
        cancel() {
          stop()
        },
      })
      return new HttpResponse(stream, {
        headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' },
      })
    }),
  ]
}
