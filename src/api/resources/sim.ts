/**
 * The simulator's control API (`/__sim`, README): clock, scenarios, faults, git push, state
 * export/import and the browser's start-up status. Simulator-only, so its URLs are entry points
 * the client knows; errors are problem+json like the rest of the API.
 */
import { mutationOptions, type QueryKey, queryOptions } from '@tanstack/react-query'
import type { Fault, FaultCreate, GitPushResult } from '../../contract/executions'
import type { Problem } from '../../contract/problem'
import type { SimClock, SimScenarioList, SimStateSummary } from '../../contract/resources'
import type { AdvanceUntilWaitingRequest, AdvanceUntilWaitingResult, SimStatus } from '../../contract/sim-controls'
import { ApiError, isApiError, request } from '../http'

export const SIM_HREF = '/__sim'

/** Time moved or the whole state changed: every answer may be stale. */
const EVERYTHING: readonly QueryKey[] = [[]]

export const simQueries = {
  all: () => ['sim'] as const,
  /** The virtual clock, polled while someone looks at it. */
  clock: () =>
    queryOptions({
      queryKey: [...simQueries.all(), 'clock'] as const,
      queryFn: ({ signal }) => request<SimClock>(`${SIM_HREF}/clock`, { signal }),
      refetchInterval: 1_000,
      staleTime: 0,
    }),
  scenarios: () =>
    queryOptions({
      queryKey: [...simQueries.all(), 'scenarios'] as const,
      queryFn: ({ signal }) => request<SimScenarioList>(`${SIM_HREF}/scenarios`, { signal }),
    }),
  faults: () =>
    queryOptions({
      queryKey: [...simQueries.all(), 'faults'] as const,
      queryFn: async ({ signal }) => (await request<{ faults: Fault[] }>(`${SIM_HREF}/faults`, { signal })).faults,
    }),
  /**
   * What happened to the saved state at start-up. Only the browser host answers it; elsewhere
   * (tests, `npm run api`) it is a 404, which means there is nothing to report.
   */
  status: () =>
    queryOptions({
      queryKey: [...simQueries.all(), 'status'] as const,
      queryFn: async ({ signal }): Promise<SimStatus | null> => {
        try {
          return await request<SimStatus>(`${SIM_HREF}/status`, { signal })
        } catch (error) {
          if (isApiError(error) && error.status === 404) return null
          throw error
        }
      },
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    }),
}

export const simMutations = {
  setClock: () =>
    mutationOptions({
      mutationKey: ['sim', 'clock', 'set'],
      mutationFn: (change: { speed?: number; paused?: boolean }) =>
        request<SimClock>(`${SIM_HREF}/clock`, { method: 'PUT', body: change }),
      meta: { invalidates: [simQueries.clock().queryKey] },
    }),
  advance: () =>
    mutationOptions({
      mutationKey: ['sim', 'clock', 'advance'],
      mutationFn: (ms: number) => request<SimClock>(`${SIM_HREF}/clock/advance`, { method: 'POST', body: { ms } }),
      meta: { invalidates: EVERYTHING },
    }),
  advanceUntilWaiting: () =>
    mutationOptions({
      mutationKey: ['sim', 'clock', 'advance-until-waiting'],
      mutationFn: (body: AdvanceUntilWaitingRequest = {}) =>
        request<AdvanceUntilWaitingResult>(`${SIM_HREF}/clock/advance-until-waiting`, { method: 'POST', body }),
      meta: { invalidates: EVERYTHING },
    }),
  addFault: () =>
    mutationOptions({
      mutationKey: ['sim', 'faults', 'add'],
      mutationFn: (fault: FaultCreate) => request<Fault>(`${SIM_HREF}/faults`, { method: 'POST', body: fault }),
      meta: { invalidates: [simQueries.faults().queryKey] },
    }),
  clearFaults: () =>
    mutationOptions({
      mutationKey: ['sim', 'faults', 'clear'],
      mutationFn: () => request<void>(`${SIM_HREF}/faults`, { method: 'DELETE' }),
      meta: { invalidates: [simQueries.faults().queryKey] },
    }),
  gitPush: () =>
    mutationOptions({
      mutationKey: ['sim', 'git', 'push'],
      mutationFn: (push: { repositoryId: string; branch: string }) =>
        request<GitPushResult>(`${SIM_HREF}/git/push`, { method: 'POST', body: push }),
      meta: { invalidates: EVERYTHING },
    }),
  /** The caller resets the query cache afterwards: every program and id may have changed. */
  reset: () =>
    mutationOptions({
      mutationKey: ['sim', 'reset'],
      mutationFn: (body: { scenario: string; seed?: number }) =>
        request<{ scenario: string; seed: number; clock: SimClock }>(`${SIM_HREF}/reset`, { method: 'POST', body }),
    }),
  /** Sends the file's text as it is, so the simulator judges it (invalid JSON included). */
  importState: () =>
    mutationOptions({
      mutationKey: ['sim', 'state', 'import'],
      mutationFn: (text: string) => sendText<SimStateSummary>(`${SIM_HREF}/state`, 'PUT', text),
    }),
  dismissRejectedSnapshot: () =>
    mutationOptions({
      mutationKey: ['sim', 'status', 'dismiss'],
      mutationFn: () => request<void>(`${SIM_HREF}/status/rejected-snapshot`, { method: 'DELETE' }),
      meta: { invalidates: [simQueries.status().queryKey] },
    }),
}

export interface DownloadedFile {
  name: string
  text: string
}

/** GET `/__sim/state`: the whole state as JSON text, with the file name the simulator suggests. */
export const exportState = (): Promise<DownloadedFile> => fetchFile(`${SIM_HREF}/state`, 'pipeline-console-state.json')

/** GET `/__sim/status/rejected-snapshot`: the saved state that could not be loaded. */
export const fetchRejectedSnapshot = (): Promise<DownloadedFile> =>
  fetchFile(`${SIM_HREF}/status/rejected-snapshot`, 'rejected-state.json')

async function fetchFile(href: string, fallbackName: string): Promise<DownloadedFile> {
  const response = await fetch(href)
  const text = await response.text()
  if (!response.ok) throw new ApiError(response.status, problemOf(text))
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
  return { name, text }
}

async function sendText<T>(href: string, method: 'PUT' | 'POST', text: string): Promise<T> {
  const response = await fetch(href, { method, headers: { 'Content-Type': 'application/json' }, body: text })
  const answer = await response.text()
  if (!response.ok) throw new ApiError(response.status, problemOf(answer))
  return JSON.parse(answer) as T
}

function problemOf(text: string): Partial<Problem> {
  try {
    const json: unknown = JSON.parse(text)
    return typeof json === 'object' && json !== null ? (json as Partial<Problem>) : {}
  } catch {
    return {}
  }
}
