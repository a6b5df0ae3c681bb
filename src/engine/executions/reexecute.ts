/**
 * Re-executing a production deployment (spec §F, seeds/002): a new execution of the same
 * pipeline with three steps — validation, a build that copies the original artifacts, and the
 * production deploy with the same configuration.
 */
import { recordStart } from '../audit'
import type { EngineContext } from '../context'
import { enforce, invalid, notFound, refuse, type Verdict } from '../errors'
import type { Actor, Execution, StepState } from '../model'
import { isProdDeploy, isStepDone, lastExecutionOf, pipelineOf } from './common'
import { canStartPipeline, launch } from './start'

export function prodDeployStep(execution: Execution): StepState | undefined {
  return execution.steps.find(isProdDeploy)
}

export function canReExecute(ctx: EngineContext, actor: Actor, execution: Execution): Verdict {
  const pipeline = pipelineOf(ctx, execution)
  const deploy = prodDeployStep(execution)
  if (!deploy) return refuse(invalid('Only an execution that deploys to production can be re-executed.'))
  if (lastExecutionOf(ctx, pipeline)?.id !== execution.id) {
    return refuse(invalid('Re-execution is only available for the last execution of the pipeline.'))
  }
  if (execution.trigger === 'PUSH_UPGRADES') return refuse(invalid('Re-execution is not available for push update executions.'))
  if (execution.isRollback) return refuse(invalid('Re-execution is not available for rollback executions.'))
  if (deploy.status === 'NOT_STARTED') {
    return refuse(invalid('The execution ended before the production deployment step, so it cannot be re-executed.'))
  }
  if (!isStepDone(deploy.status)) return refuse(invalid('The production deployment step has not completed yet.'))
  const build = execution.steps.find((s) => s.action === 'build')
  if (!build?.commitId) return refuse(invalid('The execution has no built commit to redeploy.'))
  return canStartPipeline(ctx, actor, pipeline)
}

/** `PUT …/pipeline/{id}/execution?stepId={prodDeployStepId}`: re-executes the pipeline's last execution. */
export function reExecute(ctx: EngineContext, actor: Actor, programId: string, pipelineId: string, stepId: string): Execution {
  const pipeline = ctx.pipeline(programId, pipelineId)
  const source = lastExecutionOf(ctx, pipeline)
  const deploy = source ? prodDeployStep(source) : undefined
  if (!source || !deploy || deploy.stepId !== stepId) {
    throw notFound('Production deployment step of the last execution', stepId)
  }
  enforce(canReExecute(ctx, actor, source))
  const steps = source.steps
  const pick = (s: StepState | undefined) => {
    if (!s) throw invalid('The original execution lacks a validation or build step.')
    return s
  }
  const validate = pick(steps.find((s) => s.action === 'validate'))
  const build = pick(steps.find((s) => s.action === 'build'))
  const fresh = (s: StepState): StepState => ({
    id: ctx.newId(),
    stepId: s.stepId,
    phaseId: s.phaseId,
    action: s.action,
    variant: undefined,
    environmentId: s.environmentId,
    environmentType: s.environmentType,
    repositoryId: s.repositoryId,
    branch: s.branch,
    commitId: s.commitId,
    status: 'NOT_STARTED',
    startedAt: undefined,
    finishedAt: undefined,
    updatedAt: ctx.now,
  })
  const started = launch(
    ctx,
    pipeline,
    {
      user: actor.userId,
      trigger: 'RE_EXECUTE',
      mode: source.mode,
      artifactsVersion: source.artifactsVersion,
      repositoryId: source.repositoryId,
      branch: source.branch,
      commitId: source.commitId,
      sourceExecutionId: source.id,
      builtByExecutionId: source.builtByExecutionId ?? source.id,
      validatedByExecutionId: source.validatedByExecutionId,
      reExecutedFromStepId: stepId,
    },
    () => {
      const copy = fresh(build)
      copy.variant = 'copyArtifacts'
      return [fresh(validate), copy, fresh(deploy)]
    },
  )
  recordStart(ctx, actor, started, `Re-execution of execution ${source.id}`)
  return started
}

export function canReExecuteStep(ctx: EngineContext, actor: Actor, execution: Execution, step: StepState): Verdict {
  if (!isProdDeploy(step)) return refuse(invalid('Only the production deployment step can be re-executed.'))
  return canReExecute(ctx, actor, execution)
}
