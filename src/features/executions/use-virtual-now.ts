/**
 * Virtual "now" from the simulator's clock (`GET /__sim/clock`), moved forward locally at the
 * clock's speed between fetches, so running steps count up without a request per second.
 * Never `Date.now()`: simulated time and wall time differ.
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { executionQueries } from '../../api/resources/executions'

const TICK_MS = 1_000

export function useVirtualNow(ticking: boolean): number | undefined {
  const clock = useQuery(executionQueries.clock())
  // Wall-clock time of the last tick: only the real time elapsed since the fetch is used, scaled.
  const [wall, setWall] = useState(0)
  const running = ticking && clock.data !== undefined && !clock.data.paused && clock.data.speed > 0
  useEffect(() => {
    if (!running) return undefined
    const id = setInterval(() => setWall(Date.now()), TICK_MS)
    return () => clearInterval(id)
  }, [running])
  if (!clock.data) return undefined
  const base = Date.parse(clock.data.now)
  if (!running) return base
  return base + Math.max(0, wall - clock.dataUpdatedAt) * clock.data.speed
}
