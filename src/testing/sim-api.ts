/**
 * The simulated API as a test calls it: the global fetch, which the test's msw/node server
 * answers with the real handlers (start the app with `renderApp` first).
 */
import type { TransportFault, TransportFaultCreate, TransportFaultList } from '../contract/transport-faults'

export async function simApi<T>(
  path: string,
  { method = 'GET', body, role = 'admin' }: { method?: string; body?: unknown; role?: string } = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${role}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return (text === '' ? undefined : JSON.parse(text)) as T
}

export const addTransportFault = (fault: TransportFaultCreate) =>
  simApi<TransportFault>('/__sim/transport-faults', { method: 'POST', body: fault })

export const listTransportFaults = async () => (await simApi<TransportFaultList>('/__sim/transport-faults')).faults

/** How many executions a pipeline has, as the API counts them. */
export const countExecutions = async (programId: string, pipelineId: string) =>
  (await simApi<{ _totalNumberOfItems: number }>(`/api/program/${programId}/pipeline/${pipelineId}/executions`))
    ._totalNumberOfItems

/** The route of every start: Run, Build, Promote Build and Re-execute all PUT a pipeline's execution link. */
export const START_ROUTE = '/api/program/*/pipeline/*/execution'
