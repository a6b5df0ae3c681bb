/**
 * Promote Build (spec §E.3): from the latest successful stage-only execution, start the
 * prod-only pipeline with its artifacts.
 */
import type { EngineContext } from '../context'
import { ALLOWED, conflict, enforce, preconditionFailed, refuse, type Verdict } from '../errors'
import type { Actor, Execution, Pipeline } from '../model'
import { canStartPipeline, startExecution } from './start'
import { latestPromotable } from './sources'

export function prodOnlyPipelineOf(ctx: EngineContext, programId: string): Pipeline | undefined {
  return ctx.pipelinesOf(programId).find((p) => p.category === 'prodOnly')
}

/** Whether the Promote Build button may start the prod-only pipeline from `execution`. */
export function canPromote(ctx: EngineContext, actor: Actor, execution: Execution): Verdict {
  if (execution.category !== 'stageOnly' || execution.status !== 'FINISHED') {
    return refuse(conflict('Only a successful stage-only execution can be promoted.'))
  }
  const latest = latestPromotable(ctx, execution.programId)
  if (latest && latest.id !== execution.id) {
    return refuse(
      conflict(`Execution ${latest.id} is a newer successful stage-only execution; promote that one.`, {
        executionId: latest.id,
      }),
    )
  }
  const prodOnly = prodOnlyPipelineOf(ctx, execution.programId)
  if (!prodOnly) return refuse(preconditionFailed('There is no production only pipeline: add one to promote builds.'))
  const verdict = canStartPipeline(ctx, actor, prodOnly)
  return verdict.ok ? ALLOWED : verdict
}

export function promote(ctx: EngineContext, actor: Actor, execution: Execution): Execution {
  enforce(canPromote(ctx, actor, execution))
  const prodOnly = prodOnlyPipelineOf(ctx, execution.programId) as Pipeline
  return startExecution(ctx, actor, prodOnly.programId, prodOnly.id, { sourceExecutionId: execution.id })
}
