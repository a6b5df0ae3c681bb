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
import { invalid } from '../../../engine/errors'
import { type ActivityFilter, activityAction, programActivity } from '../../../engine/executions'
import type { Actor, Execution as ExecutionModel, ExecutionStatus, ExecutionTrigger } from '../../../engine/model'
import type { SimRuntime } from '../../runtime'
import { execution } from '../representations/executions'
import { links } from '../representations/links'
import { apiRoute } from '../route'

type P = { programId: string }

export const DEFAULT_ACTIVITY_LIMIT = 20
export const MAX_ACTIVITY_LIMIT = 100

const STATUSES: readonly ExecutionStatus[] = ['NOT_STARTED', 'RUNNING', 'CANCELLING', 'CANCELLED', 'FINISHED', 'ERROR', 'FAILED']
const TRIGGERS: readonly ExecutionTrigger[] = ['ON_COMMIT', 'MANUAL', 'PUSH_UPGRADES', 'RE_EXECUTE']

export const activityPath = (programId: string) => `/api/program/${programId}/executions`

function wholeNumber(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(`Query parameter ${name} must be a whole number from ${min} to ${max}.`, [
      { field: name, message: 'Out of range.', invalidValue: raw },
    ])
  }
  return n
}

function listOf<T extends string>(url: URL, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = url.searchParams.getAll(name).flatMap((v) => v.split(','))
  const values = raw.map((v) => v.trim()).filter((v) => v !== '')
  if (values.length === 0) return undefined
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v))
  if (unknown.length > 0) {
    throw invalid(`Query parameter ${name} must be one or more of ${allowed.join(', ')}.`, [
      { field: name, message: 'Unknown value.', invalidValue: unknown.join(',') },
    ])
  }
  return values as T[]
}

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
    start: wholeNumber(url, 'start', 0, 0, 100_000_000),
    limit: wholeNumber(url, 'limit', DEFAULT_ACTIVITY_LIMIT, 1, MAX_ACTIVITY_LIMIT),
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
  const page = list.slice(start, start + limit)
  const hasNext = start + limit < list.length
  const hasPrev = start > 0
  const prev = Math.max(0, start - limit)
  const href = (at: number) => {
    const q = new URLSearchParams()
    q.set('start', String(at))
    q.set('limit', String(limit))
    if (filter.pipelineId) q.set('pipelineId', filter.pipelineId)
    if (filter.statuses?.length) q.set('status', filter.statuses.join(','))
    if (filter.triggers?.length) q.set('trigger', filter.triggers.join(','))
    return `${activityPath(programId)}?${q.toString()}`
  }
  return {
    _totalNumberOfItems: list.length,
    _page: { start, limit, ...(hasNext ? { next: start + limit } : {}), ...(hasPrev ? { prev } : {}) },
    _embedded: { executions: page.map((e) => activityExecution(engine, actor, e)) },
    _links: links([
      ['self', href(start)],
      ['next', href(start + limit), hasNext],
      ['prev', href(prev), hasPrev],
    ]),
  }
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
