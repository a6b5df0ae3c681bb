/**
 * Transport faults (sim): slow, failing or dropped HTTP answers for demos and tests. They belong
 * to the adapter, not to the engine: they are applied in the resolver wrapper before the engine
 * runs, so a faulted request changes nothing (a retried start is never a double start), and they
 * are not part of the saved or exported state.
 */
import { HttpResponse } from 'msw'
import { PROBLEM_TYPES } from '../../contract/problem'
import type { TransportFaultKind } from '../../contract/transport-faults'
import type { SimRuntime } from '../runtime'
import { problem } from './problem'

export interface TransportFaultInput {
  /** Only this method (any when absent). */
  method?: string
  /** A path glob (`*` one segment, `**` any depth) or, without `*`, a path prefix of whole segments. */
  path: string
  kind: TransportFaultKind
  /** The delay of a `latency` fault. */
  ms?: number
  /** How many matching requests it affects; every one until removed when absent. */
  count?: number
}

export interface TransportFault extends Omit<TransportFaultInput, 'count'> {
  id: string
  /** Requests still to affect; `null`: every one until removed. */
  remaining: number | null
}

interface Entry {
  fault: TransportFault
  matches: (method: string, pathname: string) => boolean
}

function pathMatcher(pattern: string): (pathname: string) => boolean {
  if (!pattern.includes('*')) {
    const prefix = pattern.endsWith('/') ? pattern : `${pattern}/`
    return (pathname) => pathname === pattern || pathname.startsWith(prefix)
  }
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  const regex = new RegExp(`^${source}/?$`)
  return (pathname) => regex.test(pathname)
}

export class TransportFaults {
  private entries: Entry[] = []
  private nextId = 1

  add(input: TransportFaultInput): TransportFault {
    const method = input.method?.toUpperCase()
    const fault: TransportFault = {
      id: String(this.nextId++),
      ...(method ? { method } : {}),
      path: input.path,
      kind: input.kind,
      ...(input.ms !== undefined ? { ms: input.ms } : {}),
      remaining: input.count ?? null,
    }
    const matchPath = pathMatcher(input.path)
    this.entries.push({ fault, matches: (m, p) => (!method || m.toUpperCase() === method) && matchPath(p) })
    return { ...fault }
  }

  list(): TransportFault[] {
    return this.entries.map((e) => ({ ...e.fault }))
  }

  remove(id: string): boolean {
    const before = this.entries.length
    this.entries = this.entries.filter((e) => e.fault.id !== id)
    return this.entries.length !== before
  }

  clear(): void {
    this.entries = []
  }

  /**
   * What happens to a request: the summed delay of every matching latency fault, and the oldest
   * matching failure, if any. Each fault used counts down and is removed at zero.
   */
  take(method: string, pathname: string): { delayMs: number; failure?: TransportFaultKind } {
    let delayMs = 0
    let failure: TransportFaultKind | undefined
    for (const entry of this.entries) {
      if (!entry.matches(method, pathname)) continue
      if (entry.fault.kind === 'latency') delayMs += entry.fault.ms ?? 0
      else if (failure === undefined) failure = entry.fault.kind
      else continue
      if (entry.fault.remaining !== null) entry.fault.remaining--
    }
    this.entries = this.entries.filter((e) => e.fault.remaining === null || e.fault.remaining > 0)
    return { delayMs, ...(failure ? { failure } : {}) }
  }
}

const registry = new WeakMap<SimRuntime, TransportFaults>()

/** The transport faults of one backend. */
export function transportFaults(runtime: SimRuntime): TransportFaults {
  let faults = registry.get(runtime)
  if (!faults) {
    faults = new TransportFaults()
    registry.set(runtime, faults)
  }
  return faults
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Delays the request and/or answers it with a failure, before anything else looks at it. */
export async function applyTransportFaults(runtime: SimRuntime, request: Request): Promise<Response | undefined> {
  const faults = registry.get(runtime)
  if (!faults) return undefined
  const { delayMs, failure } = faults.take(request.method, new URL(request.url).pathname)
  if (delayMs > 0) await sleep(delayMs)
  if (failure === 'network') return HttpResponse.error()
  if (failure === 'error500') {
    return problem(
      500,
      PROBLEM_TYPES.serverError,
      'Internal Server Error',
      'A simulated transport fault (POST /__sim/transport-faults): the request did not reach the simulator.',
    )
  }
  return undefined
}
