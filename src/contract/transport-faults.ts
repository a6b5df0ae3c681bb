/** (sim) `/__sim/transport-faults`: slow, failing or dropped answers to matching API requests (README). */

export const TRANSPORT_FAULT_KINDS = ['latency', 'error500', 'network'] as const
export type TransportFaultKind = (typeof TRANSPORT_FAULT_KINDS)[number]

/** The longest delay a latency fault may add. */
export const MAX_TRANSPORT_LATENCY_MS = 60_000

export type TransportFaultMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** POST `/__sim/transport-faults` body. */
export interface TransportFaultCreate {
  /** Only this method; any when absent. */
  method?: TransportFaultMethod
  /** A path glob (`*` one segment, `**` any depth) or, without `*`, a prefix of whole segments. */
  path: string
  kind: TransportFaultKind
  /** The delay of a latency fault (required for it, refused for the others). */
  ms?: number
  /** How many matching requests it affects; every one until removed when absent. */
  count?: number
}

export interface TransportFault {
  id: string
  method?: TransportFaultMethod
  path: string
  kind: TransportFaultKind
  ms?: number
  /** Requests still to affect; `null`: every one until removed. */
  remaining: number | null
}

/** GET `/__sim/transport-faults`. */
export interface TransportFaultList {
  faults: TransportFault[]
}
