import type { Blocked, Pipeline, PipelineList } from '../../../contract/resources'
import { REL } from '../../../contract/rels'
import type { Engine } from '../../../engine/engine'
import type { Verdict } from '../../../engine/errors'
import { canRollback, deploysToProduction } from '../../../engine/executions'
import type { Actor, Pipeline as PipelineModel } from '../../../engine/model'
import { configOf } from '../../../engine/pipelines'
import { iso, isoRequired } from '../route'
import { links, paths } from './links'

function blockedBy(verdicts: Record<string, Verdict>): Record<string, Blocked> {
  const out: Record<string, Blocked> = {}
  for (const [action, verdict] of Object.entries(verdicts)) {
    if (!verdict.ok) out[action] = { code: verdict.error.kind, reason: verdict.error.message }
  }
  return out
}

export function pipelineStatus(engine: Engine, p: PipelineModel): Pipeline['status'] {
  if (!p.currentExecutionId) return 'IDLE'
  const current = engine.ctx.findExecution(p.currentExecutionId)
  return current?.steps.some((s) => s.status === 'WAITING') ? 'WAITING' : 'BUSY'
}

export function pipeline(engine: Engine, actor: Actor, p: PipelineModel): Pipeline {
  const verdicts = engine.pipelineVerdicts(actor, p.programId, p.id)
  // Rollback applies to pipelines that deploy to production only (spec §F.4).
  if (deploysToProduction(p)) verdicts.rollback = canRollback(engine.ctx, actor, p)
  const { name: _name, trigger: _trigger, ...settings } = configOf(p)
  const lastExecutionId = p.executionIds[p.executionIds.length - 1]
  return {
    id: p.id,
    programId: p.programId,
    name: p.name,
    trigger: p.trigger,
    status: pipelineStatus(engine, p),
    type: 'CI_CD',
    createdAt: isoRequired(p.createdAt),
    updatedAt: isoRequired(p.updatedAt),
    ...(p.lastStartedAt !== undefined ? { lastStartedAt: iso(p.lastStartedAt) } : {}),
    ...(p.lastFinishedAt !== undefined ? { lastFinishedAt: iso(p.lastFinishedAt) } : {}),
    phases: p.phases.map((phase) => ({
      name: phase.name,
      type: phase.type,
      ...(phase.repositoryId ? { repositoryId: phase.repositoryId, branch: phase.branch } : {}),
      ...(phase.environmentId ? { environmentId: phase.environmentId, environmentType: phase.environmentType } : {}),
      ...(phase.type === 'DEPLOY' ? { steps: phase.steps.map((s) => ({ name: s.action })) } : {}),
    })),
    'x-sim': {
      ...settings,
      favorite: p.favoriteOf.some((r) => actor.roles.includes(r)),
      ...(p.currentExecutionId ? { currentExecutionId: p.currentExecutionId } : {}),
      ...(lastExecutionId ? { lastExecutionId } : {}),
      blocked: blockedBy(verdicts),
      runModes: ['NORMAL'],
    },
    _links: links([
      ['self', paths.pipeline(p.programId, p.id)],
      [REL.program, paths.program(p.programId)],
      [REL.execution, paths.execution(p.programId, p.id)],
      [REL.executionById, `${paths.execution(p.programId, p.id)}/{executionId}`, true, true],
      [REL.executions, paths.executions(p.programId, p.id)],
      [REL.variables, paths.pipelineVariables(p.programId, p.id)],
      [REL.cache, paths.pipelineCache(p.programId, p.id), p.category !== 'prodOnly'],
      [REL.rollback, paths.rollback(p.programId, p.id), verdicts.rollback?.ok === true],
      [REL.favorite, paths.pipelineFavorite(p.programId, p.id)],
      [REL.promotableExecutions, `${paths.pipeline(p.programId, p.id)}/promotableExecutions`, p.category === 'prodOnly'],
    ]),
  }
}

export function pipelineList(engine: Engine, actor: Actor, programId: string, list: readonly PipelineModel[]): PipelineList {
  return {
    _totalNumberOfItems: list.length,
    _page: { start: 0, limit: Math.max(list.length, 500) },
    _embedded: { pipelines: list.map((p) => pipeline(engine, actor, p)) },
    _links: links([['self', paths.pipelines(programId)]]),
  }
}
