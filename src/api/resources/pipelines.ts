import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { Execution, PromotableExecutionList, StepState } from '../../contract/executions'
import {
  AMS_PROGRAM_TYPE,
  type ExecutionMode,
  type Pipeline,
  type PipelineCreate,
  type PipelineList,
  type PipelinePatch,
  type Program,
} from '../../contract/resources'
import { REL } from '../../contract/rels'
import { getLink, linkHref } from '../hal'
import { request } from '../http'
import { programHref, programQueries } from './programs'

/**
 * A program's pipelines: a path the Cloud Manager API documents (`/api/program/{programId}/pipelines`),
 * an entry point like the program's own, so the list needs no round trip for the program first.
 */
export const pipelinesHref = (programId: string) => `${programHref(programId)}/pipelines`

const isActive = (p: Pipeline) => p.status !== 'IDLE'

/** How often the list refreshes while a pipeline runs (the fallback when the push channel is down). */
export const PIPELINES_POLL_MS = 1_000

export const pipelineQueries = {
  all: () => ['pipelines'] as const,
  /** The program's pipelines, asked for directly (see `pipelinesHref`); polls while any pipeline runs. */
  list: (programId: string) =>
    queryOptions({
      queryKey: [...pipelineQueries.all(), 'list', programId] as const,
      queryFn: async ({ signal }) => (await request<PipelineList>(pipelinesHref(programId), { signal }))._embedded.pipelines,
      refetchInterval: (query) => (query.state.data?.some(isActive) ? PIPELINES_POLL_MS : false),
    }),
  /** (sim) The builds a production only pipeline may promote, newest first, through its link. */
  promotable: (pipeline: Pipeline) =>
    queryOptions({
      queryKey: [...pipelineQueries.all(), 'promotable', pipeline.id] as const,
      queryFn: async ({ signal }) =>
        (await request<PromotableExecutionList>(linkHref(pipeline, REL.promotableExecutions), { signal }))._embedded.executions,
      enabled: hasPromotableLink(pipeline),
      staleTime: 0,
    }),
}

/** `?sourceExecutionId=…&pipelineExecutionMode=EMERGENCY`, or nothing for a plain normal run. */
export function startQuery(sourceExecutionId?: string, mode?: ExecutionMode): string {
  const params: string[] = []
  if (sourceExecutionId) params.push(`sourceExecutionId=${encodeURIComponent(sourceExecutionId)}`)
  if (mode && mode !== 'NORMAL') params.push(`pipelineExecutionMode=${mode}`)
  return params.length > 0 ? `?${params.join('&')}` : ''
}

/** [AMS] Whether a program is Managed Services (the flavour comes from `program.type`, nothing else). */
export const isAmsProgram = (program: Pick<Program, 'type'> | undefined): boolean => program?.type === AMS_PROGRAM_TYPE

export const hasPromotableLink = (pipeline: Pipeline) => getLink(pipeline, REL.promotableExecutions) !== undefined

/** What a pipeline command may change: the list (statuses, blocked actions), the program's Add menu, executions. */
const PIPELINE_CHANGES = (programId: string) =>
  [pipelineQueries.all(), programQueries.detail(programId).queryKey, ['executions'], ['activity']] as const

/** The step of an execution that its cancel link stops: the running or waiting one. */
export function cancellableStep(execution: Execution): StepState | undefined {
  const steps = execution._embedded.stepStates
  return (
    steps.find((s) => s.status === 'RUNNING' && getLink(s, REL.cancel)) ??
    steps.find((s) => s.status === 'WAITING' && getLink(s, REL.cancel)) ??
    steps.find((s) => getLink(s, REL.cancel))
  )
}

export const pipelineMutations = {
  /** The simulator-only create endpoint (spec §H.3 #26); the public API has none to link to. */
  create: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'create', programId],
      mutationFn: (body: PipelineCreate) => request<Pipeline>(`${programHref(programId)}/pipelines`, { method: 'POST', body }),
      // The program's Add menu depends on which pipelines exist.
      meta: { invalidates: [pipelineQueries.all(), programQueries.detail(programId).queryKey] },
    }),
  /** PATCH the pipeline's self link with the changed settings → 200 with the pipeline. */
  update: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'update', programId],
      mutationFn: ({ pipeline, patch }: { pipeline: Pipeline; patch: PipelinePatch }) =>
        request<Pipeline>(linkHref(pipeline, 'self'), { method: 'PATCH', body: patch }),
      meta: { invalidates: PIPELINE_CHANGES(programId) },
    }),
  /** DELETE the pipeline's self link → 204. */
  remove: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'delete', programId],
      mutationFn: (pipeline: Pipeline) => request<void>(linkHref(pipeline, 'self'), { method: 'DELETE' }),
      meta: { invalidates: PIPELINE_CHANGES(programId) },
    }),
  /**
   * Run: PUT the pipeline's execution link → 201 with the new execution. A production only
   * pipeline may name the stage-only execution whose build it promotes. [AMS] `mode: 'EMERGENCY'`
   * (offered when `x-sim.runModes` lists it) sends `?pipelineExecutionMode=EMERGENCY`.
   */
  start: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'start', programId],
      mutationFn: ({
        pipeline,
        sourceExecutionId,
        mode,
      }: {
        pipeline: Pipeline
        sourceExecutionId?: string
        mode?: ExecutionMode
      }) => request<Execution>(`${linkHref(pipeline, REL.execution)}${startQuery(sourceExecutionId, mode)}`, { method: 'PUT' }),
      meta: { invalidates: PIPELINE_CHANGES(programId) },
    }),
  /**
   * Cancel: GET the current execution (the execution link), then PUT `{"cancel": true}` to the
   * cancel link of its running or waiting step → 202.
   */
  cancel: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'cancel', programId],
      mutationFn: async (pipeline: Pipeline) => {
        const current = await request<Execution>(linkHref(pipeline, REL.execution))
        const step = cancellableStep(current)
        if (!step) {
          const reason = current._embedded.stepStates.map((s) => s['x-sim'].blocked.cancel?.reason).find(Boolean)
          throw new Error(reason ?? `Execution ${current.id} has no step that can be cancelled now.`)
        }
        await request<void>(linkHref(step, REL.cancel), { method: 'PUT', body: { cancel: true } })
        return current
      },
      meta: { invalidates: PIPELINE_CHANGES(programId) },
    }),
  /** (sim) Star or unstar: PUT / DELETE the pipeline's favorite link → 204. */
  favorite: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'favorite', programId],
      mutationFn: ({ pipeline, favorite }: { pipeline: Pipeline; favorite: boolean }) =>
        request<void>(linkHref(pipeline, REL.favorite), { method: favorite ? 'PUT' : 'DELETE' }),
      meta: { invalidates: [pipelineQueries.all()] },
    }),
}
