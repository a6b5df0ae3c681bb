/**
 * Rollback (spec §F.4, a simulator design: only the rel `rollbackLastSuccessfulExecution` is
 * public). A production pipeline that is idle and has at least two successful executions can
 * redeploy the artifacts of the successful execution before the last one: a new execution with
 * validation, a build that copies those artifacts, and the production deploy. A rollback is
 * marked as such and can never be re-executed.
 */
import { recordStart } from '../audit'
import type { EngineContext } from '../context'
import { DomainError, enforce, preconditionFailed, refuse, type Verdict } from '../errors'
import type { Actor, Execution, Pipeline, PipelinePhase, StepState } from '../model'
import { permits } from '../permissions'
import { isProdDeploy } from './common'
import { canStartPipeline, launch, newStepState } from './start'

/** Pipelines that deploy to production: production (coupled or targeted) and prod-only. */
export const deploysToProduction = (p: Pick<Pipeline, 'category'>): boolean =>
  p.category === 'production' || p.category === 'prodOnly'

/** An execution that ended FINISHED with its production deploy done. */
export function isSuccessfulDeployment(e: Execution): boolean {
  return e.status === 'FINISHED' && e.steps.some((s) => isProdDeploy(s) && s.status === 'FINISHED')
}

export interface RollbackPlan {
  /** The last successful execution: what production runs now (as far as this pipeline knows). */
  current: Execution
  /** The successful execution before it whose artifacts a rollback redeploys. */
  target: Execution
}

/**
 * What a rollback would do: the pipeline's last successful execution and the newest earlier
 * successful one with different artifacts. Walks the history newest first and stops early.
 */
export function rollbackPlan(ctx: EngineContext, pipeline: Pipeline): RollbackPlan | undefined {
  let current: Execution | undefined
  for (let i = pipeline.executionIds.length - 1; i >= 0; i--) {
    const e = ctx.findExecution(pipeline.executionIds[i] as string)
    if (!e || !isSuccessfulDeployment(e)) continue
    if (!current) current = e
    else if (e.artifactsVersion !== current.artifactsVersion) return { current, target: e }
  }
  return undefined
}

export function canRollback(ctx: EngineContext, actor: Actor, pipeline: Pipeline): Verdict {
  if (!deploysToProduction(pipeline)) {
    return refuse(new DomainError('not-allowed', 'Only a pipeline that deploys to production can be rolled back.'))
  }
  const role = permits(actor, 'startPipeline')
  if (!role.ok) return role
  if (!rollbackPlan(ctx, pipeline)) {
    return refuse(
      preconditionFailed(`"${pipeline.name}" needs two successful executions with different artifacts before it can roll back.`, {
        pipelineId: pipeline.id,
      }),
    )
  }
  return canStartPipeline(ctx, actor, pipeline)
}

function phaseWith(pipeline: Pipeline, match: (phase: PipelinePhase) => boolean): PipelinePhase {
  const phase = pipeline.phases.find(match)
  if (!phase) throw preconditionFailed(`"${pipeline.name}" has no phase to roll back with.`)
  return phase
}

/** `PUT …/pipeline/{id}/rollback`: redeploys the previous successful artifacts to production. */
export function rollback(ctx: EngineContext, actor: Actor, programId: string, pipelineId: string): Execution {
  const pipeline = ctx.pipeline(programId, pipelineId)
  enforce(canRollback(ctx, actor, pipeline))
  const { target } = rollbackPlan(ctx, pipeline) as RollbackPlan
  const validatePhase = phaseWith(pipeline, (p) => p.type === 'VALIDATE')
  const buildPhase = phaseWith(pipeline, (p) => p.type === 'BUILD')
  const prodPhase = phaseWith(pipeline, (p) => p.type === 'DEPLOY' && p.environmentType === 'prod')
  const stepOf = (phase: PipelinePhase, action: StepState['action']) => {
    const step = phase.steps.find((s) => s.action === action)
    if (!step) throw preconditionFailed(`"${pipeline.name}" has no ${action} step to roll back with.`)
    return newStepState(ctx, phase, step.id, action)
  }
  const started = launch(
    ctx,
    pipeline,
    {
      user: actor.userId,
      trigger: 'MANUAL',
      mode: 'NORMAL',
      artifactsVersion: target.artifactsVersion,
      repositoryId: target.repositoryId,
      branch: target.branch,
      commitId: target.commitId,
      sourceExecutionId: target.id,
      builtByExecutionId: target.builtByExecutionId ?? target.id,
      validatedByExecutionId: target.validatedByExecutionId ?? target.id,
      isRollback: true,
    },
    () => {
      const build = stepOf(buildPhase, 'build')
      build.variant = 'copyArtifacts'
      build.repositoryId = target.repositoryId
      build.branch = target.branch
      build.commitId = target.commitId
      return [stepOf(validatePhase, 'validate'), build, stepOf(prodPhase, 'deploy')]
    },
  )
  recordStart(ctx, actor, started, `Rollback to the artifacts of execution ${target.id} (${target.artifactsVersion})`)
  return started
}
