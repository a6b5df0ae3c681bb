/**
 * (sim) Transport faults (`/__sim/transport-faults`): latency, 500s and network errors the
 * simulator applies to matching API requests before they reach the engine.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { TransportFault, TransportFaultCreate, TransportFaultList } from '../../contract/transport-faults'
import { request } from '../http'
import { SIM_HREF } from './sim'

const HREF = `${SIM_HREF}/transport-faults`

export const transportFaultQueries = {
  all: () => ['sim', 'transport-faults'] as const,
  /** Counted faults wear off as requests use them, so the list is polled while it is shown. */
  list: () =>
    queryOptions({
      queryKey: transportFaultQueries.all(),
      queryFn: async ({ signal }) => (await request<TransportFaultList>(HREF, { signal })).faults,
      refetchInterval: 2_000,
      staleTime: 0,
    }),
}

export const transportFaultMutations = {
  add: () =>
    mutationOptions({
      mutationKey: ['sim', 'transport-faults', 'add'],
      mutationFn: (fault: TransportFaultCreate) => request<TransportFault>(HREF, { method: 'POST', body: fault }),
      meta: { invalidates: [transportFaultQueries.all()] },
    }),
  remove: () =>
    mutationOptions({
      mutationKey: ['sim', 'transport-faults', 'remove'],
      mutationFn: (fault: TransportFault) => request<void>(`${HREF}/${encodeURIComponent(fault.id)}`, { method: 'DELETE' }),
      meta: { invalidates: [transportFaultQueries.all()] },
    }),
  clear: () =>
    mutationOptions({
      mutationKey: ['sim', 'transport-faults', 'clear'],
      mutationFn: () => request<void>(HREF, { method: 'DELETE' }),
      meta: { invalidates: [transportFaultQueries.all()] },
    }),
}
