/**
 * The simulator's push channel (sim): `GET /__sim/events` streams `data: {"revision": n}` after
 * every backend change. Browsers read it with EventSource; where there is none (Node, happy-dom)
 * the same stream is read through fetch. No React here: the UI wraps it in a hook.
 */
export const EVENTS_HREF = '/__sim/events'

export interface ChangeFeedListener {
  /** A backend change; `revision` increases with every change (and restarts after a reset). */
  onChange: (revision: number) => void
  /** The feed is (again) connected, or has failed and is retrying. */
  onStatus: (connected: boolean) => void
}

function revisionOf(data: string): number | undefined {
  try {
    const parsed = JSON.parse(data) as { revision?: unknown }
    return typeof parsed.revision === 'number' ? parsed.revision : undefined
  } catch {
    return undefined
  }
}

/** Subscribes to backend changes; returns the unsubscribe function. */
export function subscribeToChanges(listener: ChangeFeedListener, href = EVENTS_HREF): () => void {
  if (typeof EventSource !== 'undefined') return viaEventSource(listener, href)
  return viaFetch(listener, href)
}

function viaEventSource(listener: ChangeFeedListener, href: string): () => void {
  const source = new EventSource(href)
  source.onopen = () => listener.onStatus(true)
  source.onmessage = (event: MessageEvent<string>) => {
    const revision = revisionOf(event.data)
    if (revision !== undefined) listener.onChange(revision)
  }
  // EventSource reconnects on its own (after the stream's `retry`); meanwhile the UI polls.
  source.onerror = () => listener.onStatus(false)
  return () => source.close()
}

const RECONNECT_MS = 1_000

function viaFetch(listener: ChangeFeedListener, href: string): () => void {
  const abort = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const connect = async () => {
    try {
      const response = await fetch(href, { headers: { Accept: 'text/event-stream' }, signal: abort.signal })
      if (!response.ok || !response.body) throw new Error(`The change feed answered ${response.status}.`)
      listener.onStatus(true)
      const reader = response.body.getReader()
      const decoder = new TextDecoder()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n')
          const revision = data ? revisionOf(data) : undefined
          if (revision !== undefined) listener.onChange(revision)
          end = buffer.indexOf('\n\n')
        }
      }
      throw new Error('The change feed closed.')
    } catch {
      if (abort.signal.aborted) return
      listener.onStatus(false)
      timer = setTimeout(() => void connect(), RECONNECT_MS)
    }
  }
  void connect()
  return () => {
    if (timer !== undefined) clearTimeout(timer)
    abort.abort()
  }
}
