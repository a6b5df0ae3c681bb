/**
 * Keeps the environment screens in step with the simulated backend: every change pushed
 * through `/__sim/events` (a lock taken or released, provisioning done, variables saved)
 * invalidates the environment queries, at most once per `THROTTLE_MS`. Returns whether the push
 * channel is connected; while it is not, callers poll.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { subscribeToChanges } from '../../api/live-updates'

const THROTTLE_MS = 200

export function useEnvironmentUpdates(queryKeys: readonly QueryKey[]): { live: boolean } {
  const client = useQueryClient()
  const [live, setLive] = useState(false)
  // The keys change identity on every render; the subscription must not.
  const keys = useRef(queryKeys)
  useEffect(() => {
    keys.current = queryKeys
  })
  useEffect(() => {
    let seen: number | undefined
    let pending: ReturnType<typeof setTimeout> | undefined
    const refetch = () => {
      pending = undefined
      for (const queryKey of keys.current) void client.invalidateQueries({ queryKey })
    }
    const unsubscribe = subscribeToChanges({
      onChange: (revision) => {
        // The first message of a connection is the current revision: only a difference is news.
        const first = seen === undefined
        const changed = seen !== revision
        seen = revision
        if (first || !changed || pending !== undefined) return
        pending = setTimeout(refetch, THROTTLE_MS)
      },
      onStatus: setLive,
    })
    return () => {
      if (pending !== undefined) clearTimeout(pending)
      unsubscribe()
    }
  }, [client])
  return { live }
}

/** How often environment screens refetch while the push channel is down. */
export const ENVIRONMENTS_POLL_MS = 3_000
