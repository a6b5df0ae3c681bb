/**
 * (sim) The program's activity (spec §B.7): `GET /api/program/{programId}/executions` lists every
 * execution of the program, newest first, paged like a pipeline's execution history. Query:
 * `start` (offset, default 0), `limit` (1–100, default 20), and filters `pipelineId`, `status`
 * and `trigger` (each value or a comma-separated list of values, matching any).
 *
 * Each execution is represented as in the per-pipeline list, plus `x-sim.action` (the ACTION
 * column). The engine keeps the ordered, filtered list per revision; only the page is built here.
 */
import { http, HttpResponse } from 'msw'
import type { ActivityExecution, ActivityList } from '../../../contract/executions'
import type { Engine } from '../../../engine/engine'
import { type ActivityFilter, activityAction, programActivity } from '../../../engine/executions'
import type { Actor, Execution as ExecutionModel, ExecutionStatus, ExecutionTrigger } from '../../../engine/model'
import type { SimRuntime } from '../../runtime'
import { execution } from '../representations/executions'
import { listOf, pageOf, pageQuery } from '../paging'
import { apiRoute } from '../route'

type P = { programId: string }

const STATUSES: readonly ExecutionStatus[] = ['NOT_STARTED', 'RUNNING', 'CANCELLING', 'CANCELLED', 'FINISHED', 'ERROR', 'FAILED']
const TRIGGERS: readonly ExecutionTrigger[] = ['ON_COMMIT', 'MANUAL', 'PUSH_UPGRADES', 'RE_EXECUTE']

export const activityPath = (programId: string) => `/api/program/${programId}/executions`

/** Reads the query of an activity request. */
export function activityQuery(url: URL): { filter: ActivityFilter; start: number; limit: number } {
  const pipelineId = url.searchParams.get('pipelineId')
  const statuses = listOf(url, 'status', STATUSES)
  const triggers = listOf(url, 'trigger', TRIGGERS)
  return {
    filter: {
      ...(pipelineId ? { pipelineId } : {}),
      ...(statuses ? { statuses } : {}),
      ...(triggers ? { triggers } : {}),
    },
    ...pageQuery(url),
  }
}

export function activityExecution(engine: Engine, actor: Actor, e: ExecutionModel): ActivityExecution {
  const rep = execution(engine, actor, e)
  return { ...rep, 'x-sim': { ...rep['x-sim'], action: activityAction(engine.ctx.findPipeline(e.pipelineId), e) } }
}

/** One page of `list` (newest first); only the page's executions are represented. */
export function activityList(
  engine: Engine,
  actor: Actor,
  programId: string,
  list: readonly ExecutionModel[],
  filter: ActivityFilter,
  start: number,
  limit: number,
): ActivityList {
  return pageOf(
    activityPath(programId),
    'executions',
    list,
    { start, limit },
    { pipelineId: filter.pipelineId, status: filter.statuses?.join(','), trigger: filter.triggers?.join(',') },
    (e) => activityExecution(engine, actor, e),
  )
}

export function activityHandlers(runtime: SimRuntime) {
  return [
    http.get<P>(
      '/api/program/:programId/executions',
      apiRoute<P>(runtime, 'getProgramExecutions', ({ engine, actor, params, url }) => {
        const { filter, start, limit } = activityQuery(url)
        const list = programActivity(engine.ctx, params.programId, filter)
        return HttpResponse.json(activityList(engine, actor, params.programId, list, filter, start, limit))
      }),
    ),
  ]
}
