/**
 * Keeps what a screen shows in step with the simulated backend: on every change pushed through
 * `/__sim/events` — made in this tab, another tab, by an API client or by the clock — the given
 * queries are invalidated, at most once per `throttleMs`. While the push channel is down the
 * caller should poll; `live` says which is the case.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { subscribeToChanges } from './live-updates'

const DEFAULT_THROTTLE_MS = 100

export function useLiveUpdates(
  queryKeys: readonly QueryKey[],
  { enabled = true, throttleMs = DEFAULT_THROTTLE_MS }: { enabled?: boolean; throttleMs?: number } = {},
): { live: boolean } {
  const client = useQueryClient()
  const [live, setLive] = useState(false)
  // The keys change identity on every render; the subscription must not.
  const keys = useRef(queryKeys)
  useEffect(() => {
    keys.current = queryKeys
  })
  useEffect(() => {
    if (!enabled) return undefined
    let seen: number | undefined
    let last = Number.NEGATIVE_INFINITY
    let pending: ReturnType<typeof setTimeout> | undefined
    const refetch = () => {
      pending = undefined
      last = performance.now()
      for (const queryKey of keys.current) void client.invalidateQueries({ queryKey })
    }
    const unsubscribe = subscribeToChanges({
      onChange: (revision) => {
        // The first message of the feed is the current revision. What the screen shows was asked
        // for before the feed opened, so a change may have come in between, unannounced: it is
        // refreshed once. After that only a different revision is news.
        const first = seen === undefined
        const changed = seen !== revision
        seen = revision
        if ((!first && !changed) || pending !== undefined) return
        const wait = last + throttleMs - performance.now()
        if (wait <= 0) refetch()
        else pending = setTimeout(refetch, wait)
      },
      onStatus: setLive,
    })
    return () => {
      if (pending !== undefined) clearTimeout(pending)
      unsubscribe()
      setLive(false)
    }
  }, [client, enabled, throttleMs])
  return { live: enabled && live }
}
