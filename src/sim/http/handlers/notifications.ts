/**
 * (sim) The in-app notification feed behind the header's bell (spec §I.1, §H.6):
 * `GET /api/notifications?start=&limit=&programId=` lists the engine's events (execution started
 * and ended, step waiting), newest first, with the pipeline's name and a link to the execution.
 * Approval and schedule notifications go only to Business Owners, Program Managers and
 * Deployment Managers, as in Cloud Manager; CSE Support waiting (AMS) only to Customer Success Engineers. Read state is the client's business.
 */
import { http, HttpResponse } from 'msw'
import { NOTIFICATION_EVENT_TYPES, type Notification, type NotificationList } from '../../../contract/notifications'
import { REL } from '../../../contract/rels'
import type { Engine } from '../../../engine/engine'
import { invalid } from '../../../engine/errors'
import { stepLabel } from '../../../engine/executions'
import { flavourOfProgram } from '../../../engine/flavour'
import type { Actor, EngineEvent, Role } from '../../../engine/model'
import type { SimRuntime } from '../../runtime'
import { links, paths } from '../representations/links'
import { apiRoute, isoRequired } from '../route'

const MAX_LIMIT = 100
const DEFAULT_LIMIT = 50
const APPROVERS: readonly Role[] = ['business-owner', 'program-manager', 'deployment-manager']
const APPROVER_ONLY_STEPS = new Set(['approval', 'schedule'])

function whole(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw invalid(`Query parameter ${name} must be a whole number from 0 to ${max}.`, [
      { field: name, message: 'Out of range.', invalidValue: raw },
    ])
  }
  return n
}

/** [AMS] CSE Support waiting goes to Customer Success Engineers, who decide it. */
const CSE_ONLY_STEPS = new Set(['managed'])

const sentTo = (actor: Actor, event: EngineEvent): boolean => {
  if (event.type !== 'waiting' || !event.stepAction) return true
  if (CSE_ONLY_STEPS.has(event.stepAction)) return actor.roles.includes('cse')
  if (APPROVER_ONLY_STEPS.has(event.stepAction)) return actor.roles.some((r) => APPROVERS.includes(r))
  return true
}

/** The event as a notification, or nothing when its pipeline or execution is gone (deleted). */
function notification(engine: Engine, event: EngineEvent): Notification | undefined {
  const ctx = engine.ctx
  const program = ctx.findProgram(event.programId)
  const pipeline = ctx.findPipeline(event.pipelineId)
  const execution = ctx.findExecution(event.executionId)
  if (!program || !pipeline || !execution) return undefined
  const step = event.stepAction ? execution.steps.find((s) => s.action === event.stepAction) : undefined
  return {
    id: event.id,
    '@type': NOTIFICATION_EVENT_TYPES[event.type],
    kind: event.type,
    at: isoRequired(event.at),
    programId: program.id,
    programName: program.name,
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    category: pipeline.category,
    executionId: execution.id,
    ...(event.status ? { status: event.status } : {}),
    ...(event.stepAction ? { stepAction: event.stepAction } : {}),
    ...(step ? { stepLabel: stepLabel(step, flavourOfProgram(program)) } : {}),
    _links: links([
      [REL.execution, paths.executionById(program.id, pipeline.id, execution.id)],
      [REL.pipeline, paths.pipeline(program.id, pipeline.id)],
      [REL.program, paths.program(program.id)],
    ]),
  }
}

export function notificationHandlers(runtime: SimRuntime) {
  return [
    http.get(
      '/api/notifications',
      apiRoute(runtime, 'getNotifications', ({ engine, actor, url }) => {
        const start = whole(url, 'start', 0, 1_000_000)
        const limit = Math.max(1, whole(url, 'limit', DEFAULT_LIMIT, MAX_LIMIT))
        const programId = url.searchParams.get('programId') || undefined
        const events = engine.state.events
        const all: Notification[] = []
        for (let i = events.length - 1; i >= 0; i--) {
          const event = events[i] as EngineEvent
          if (programId !== undefined && event.programId !== programId) continue
          if (!sentTo(actor, event)) continue
          const n = notification(engine, event)
          if (n) all.push(n)
        }
        const base = `/api/notifications${programId ? `?programId=${encodeURIComponent(programId)}&` : '?'}`
        const hasNext = start + limit < all.length
        const prev = Math.max(0, start - limit)
        const list: NotificationList = {
          _totalNumberOfItems: all.length,
          _page: { start, limit, ...(hasNext ? { next: start + limit } : {}), ...(start > 0 ? { prev } : {}) },
          _embedded: { notifications: all.slice(start, start + limit) },
          _links: links([
            ['self', `${base}start=${start}&limit=${limit}`],
            ['next', `${base}start=${start + limit}&limit=${limit}`, hasNext],
            ['prev', `${base}start=${prev}&limit=${limit}`, start > 0],
          ]),
        }
        return HttpResponse.json(list)
      }),
    ),
  ]
}
