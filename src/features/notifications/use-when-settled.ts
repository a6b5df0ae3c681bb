import { useIsFetching } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

/** How long the page's own data may keep the feed waiting. */
const MAX_WAIT_MS = 2_000
/** A quiet moment long enough to tell "done" from "between two requests". */
const QUIET_MS = 100

/**
 * False until the page's own requests have settled (or `MAX_WAIT_MS` passed), then true for
 * good: for data that must not compete with the first screen — every request goes through the
 * one simulated backend, which answers them in turn.
 */
export function useWhenSettled(): boolean {
  const fetching = useIsFetching()
  const [settled, setSettled] = useState(false)
  useEffect(() => {
    if (settled) return
    const id = setTimeout(() => setSettled(true), fetching === 0 ? QUIET_MS : MAX_WAIT_MS)
    return () => clearTimeout(id)
  }, [fetching, settled])
  return settled
}
