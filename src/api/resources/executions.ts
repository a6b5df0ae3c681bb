import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { Execution, ExecutionList, MetricList, Redirect, StepState } from '../../contract/executions'
import type { ExecutionMode, Pipeline, SimClock } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { getLink, linkHref } from '../hal'
import { ApiError, isApiError, NetworkError, request } from '../http'
import { pipelineQueries } from './pipelines'

/** The simulator's clock (sim): the one place the client learns virtual "now". */
export const SIM_CLOCK_HREF = '/__sim/clock'

const isDone = (e: Execution | undefined) => e !== undefined && e.status !== 'RUNNING' && e.status !== 'NOT_STARTED'

/** The pipeline a route names, from the program's pipeline list (the client builds no pipeline URLs). */
async function pipelineOf(
  client: { ensureQueryData: (o: ReturnType<typeof pipelineQueries.list>) => Promise<Pipeline[]> },
  programId: string,
  pipelineId: string,
): Promise<Pipeline> {
  const pipelines = await client.ensureQueryData(pipelineQueries.list(programId))
  const pipeline = pipelines.find((p) => p.id === pipelineId)
  if (!pipeline) throw new Error(`Pipeline ${pipelineId} is not part of program ${programId}.`)
  return pipeline
}

export interface ExecutionQueryOptions {
  /** Poll at this interval while the execution runs (the fallback when the push channel is down). */
  pollMs?: number | false
}

export const executionQueries = {
  all: () => ['executions'] as const,
  /** One execution, through the pipeline's templated `execution/id` link. Stops polling once it has ended. */
  detail: (programId: string, pipelineId: string, executionId: string, { pollMs = false }: ExecutionQueryOptions = {}) =>
    queryOptions({
      queryKey: [...executionQueries.all(), 'detail', programId, pipelineId, executionId] as const,
      queryFn: async ({ client, signal }) => {
        const pipeline = await pipelineOf(client, programId, pipelineId)
        return request<Execution>(linkHref(pipeline, REL.executionById, { executionId }), { signal })
      },
      refetchInterval: (query) => (pollMs === false || isDone(query.state.data) ? false : pollMs),
    }),
  /** The newest executions of a pipeline (history, duration estimates, previous audit scores). */
  list: (programId: string, pipelineId: string, limit = 50) =>
    queryOptions({
      queryKey: [...executionQueries.all(), 'list', programId, pipelineId, limit] as const,
      queryFn: async ({ client, signal }) => {
        const pipeline = await pipelineOf(client, programId, pipelineId)
        const list = await request<ExecutionList>(`${linkHref(pipeline, REL.executions)}?start=0&limit=${limit}`, { signal })
        return { total: list._totalNumberOfItems, executions: list._embedded.executions }
      },
    }),
  /** A step's metrics, through its metrics link (absent on steps without metrics). */
  metrics: (step: StepState | undefined) =>
    queryOptions({
      queryKey: [...executionQueries.all(), 'metrics', getLink(step, 'self')?.href ?? '', step?.status ?? ''] as const,
      queryFn: async ({ signal }) => (await request<MetricList>(linkHref(step, REL.stepMetrics), { signal })).metrics,
      enabled: getLink(step, REL.stepMetrics) !== undefined,
      staleTime: 60_000,
    }),
  /**
   * Finds which pipeline of the program ran an execution (Artifacts built by / validated by
   * name only the execution): tries the candidates' templated `execution/id` links in order.
   */
  locate: (programId: string, executionId: string, candidatePipelineIds: readonly string[]) =>
    queryOptions({
      queryKey: [...executionQueries.all(), 'locate', programId, executionId, candidatePipelineIds.join(',')] as const,
      queryFn: async ({ client, signal }) => {
        const pipelines = await client.ensureQueryData(pipelineQueries.list(programId))
        const order = [...candidatePipelineIds, ...pipelines.map((p) => p.id).filter((id) => !candidatePipelineIds.includes(id))]
        for (const id of order) {
          const pipeline = pipelines.find((p) => p.id === id)
          if (!pipeline) continue
          try {
            return await request<Execution>(linkHref(pipeline, REL.executionById, { executionId }), { signal })
          } catch (error) {
            if (!(isApiError(error) && error.status === 404)) throw error
          }
        }
        throw new Error(`Execution ${executionId} was not found in program ${programId}.`)
      },
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /** (sim) The virtual clock: `now`, `speed` and `paused`. */
  clock: () =>
    queryOptions({
      queryKey: ['sim', 'clock'] as const,
      queryFn: ({ signal }) => request<SimClock>(SIM_CLOCK_HREF, { signal }),
      staleTime: 0,
    }),
}

/**
 * Advance bodies (spec §D.8): override a quality gate (code scanning, and on AMS security and
 * performance testing), approve, schedule, or — [AMS] `managed` (CSE Support), `cse` token only — start, or
 * resume or stop a paused deploy.
 */
export type AdvanceBody =
  | { metrics: Array<{ kpi: string; override: true } & Record<string, unknown>> }
  | { approved: true }
  | { type: 'IMMEDIATE' }
  | { type: 'SCHEDULED'; schedule: string }
  | { start: true }
  /** [AMS] A paused deploy: Resume (`true`) or Stop (`false`); Stop is an advance, not a cancel (spec §D.8). */
  | { resume: boolean }

/** Cancel bodies; `{"start": false}` is the CSE's Reject of a `managed` step. */
export type CancelBody = { override: false } | { approved: false } | { cancel: true } | { start: false }

/** What changes when an execution moves: the execution itself, its pipeline's status, history. */
const EXECUTION_CHANGES = [executionQueries.all(), pipelineQueries.all(), ['sim', 'clock']] as const

export const executionMutations = {
  /** PUT to the step's advance link (spec §D.8); 202 with no body. */
  advance: () =>
    mutationOptions({
      mutationKey: ['executions', 'advance'],
      mutationFn: ({ step, body }: { step: StepState; body: AdvanceBody }) =>
        request<void>(linkHref(step, REL.advance), { method: 'PUT', body }),
      meta: { invalidates: EXECUTION_CHANGES },
    }),
  /** PUT to the step's cancel link; the body says what is rejected or cancelled. */
  cancel: () =>
    mutationOptions({
      mutationKey: ['executions', 'cancel'],
      mutationFn: ({ step, body }: { step: StepState; body: CancelBody }) =>
        request<void>(linkHref(step, REL.cancel), { method: 'PUT', body }),
      meta: { invalidates: EXECUTION_CHANGES },
    }),
  /** PUT to the production deploy step's reExecute link → 201 with the new execution. */
  reExecute: () =>
    mutationOptions({
      mutationKey: ['executions', 'reExecute'],
      mutationFn: (step: StepState) => request<Execution>(linkHref(step, REL.reExecute), { method: 'PUT' }),
      meta: { invalidates: EXECUTION_CHANGES },
    }),
  /**
   * Promote Build: PUT the prod-only pipeline's execution link with `?sourceExecutionId=` → 201;
   * [AMS] `mode: 'EMERGENCY'` adds `&pipelineExecutionMode=EMERGENCY`.
   */
  promote: () =>
    mutationOptions({
      mutationKey: ['executions', 'promote'],
      mutationFn: ({
        prodOnly,
        sourceExecutionId,
        mode,
      }: {
        prodOnly: Pipeline
        sourceExecutionId: string
        mode?: ExecutionMode
      }) =>
        request<Execution>(
          `${linkHref(prodOnly, REL.execution)}?sourceExecutionId=${encodeURIComponent(sourceExecutionId)}${
            mode && mode !== 'NORMAL' ? `&pipelineExecutionMode=${mode}` : ''
          }`,
          { method: 'PUT' },
        ),
      meta: { invalidates: EXECUTION_CHANGES },
    }),
}

/**
 * A step's log as text: the logs link answers `{"redirect": …}` to `Accept: application/json`,
 * and the redirect is fetched like a signed URL (no Authorization header).
 */
export async function fetchStepLog(step: StepState, signal?: AbortSignal): Promise<string> {
  const { redirect } = await request<Redirect>(linkHref(step, REL.stepLogs), signal ? { signal } : {})
  let response: Response
  try {
    response = await fetch(redirect, signal ? { signal } : {})
  } catch (error) {
    if (signal?.aborted) throw error
    throw new NetworkError('GET', redirect, { cause: error })
  }
  if (!response.ok) {
    throw new ApiError(response.status, { detail: `The log download failed with status ${response.status}.` })
  }
  return response.text()
}
