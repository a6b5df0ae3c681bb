/**
 * Environment locks (spec §A.5, §D.7): an environment cannot be changed while an execution
 * deploys to it, or waits before deploying to it.
 */
import type { EngineContext } from '../context'
import { type Flavour, flavourOf } from '../flavour'
import type { Execution, StepState } from '../model'
import { stepLabel } from './common'

export interface EnvironmentLockInfo {
  pipelineId: string
  pipelineName: string
  executionId: string
  reason: string
}

function lockReason(pipelineName: string, envName: string, execution: Execution, deploy: StepState, flavour: Flavour): string {
  if (deploy.status === 'RUNNING') return `"${pipelineName}" is deploying to ${envName} (execution ${execution.id}).`
  const waiting = execution.steps.find((s) => s.status === 'WAITING')
  if (waiting) {
    const where = deploy.status === 'NOT_STARTED' ? 'before deploying to' : 'after deploying to'
    return `"${pipelineName}" is waiting at ${stepLabel(waiting, flavour)} ${where} ${envName} (execution ${execution.id}).`
  }
  if (deploy.status === 'NOT_STARTED')
    return `"${pipelineName}" is running and will deploy to ${envName} (execution ${execution.id}).`
  return `"${pipelineName}" is testing on ${envName} (execution ${execution.id}).`
}

/** Who holds `environmentId`, if anyone: a running execution with a deploy step targeting it. */
export function environmentLock(ctx: EngineContext, environmentId: string): EnvironmentLockInfo | undefined {
  const env = ctx.findEnvironment(environmentId)
  if (!env) return undefined
  for (const pipeline of ctx.state.pipelines) {
    if (pipeline.programId !== env.programId || !pipeline.currentExecutionId) continue
    const execution = ctx.findExecution(pipeline.currentExecutionId)
    if (!execution || execution.status !== 'RUNNING') continue
    const deploy = execution.steps.find((s) => s.action === 'deploy' && s.environmentId === environmentId)
    if (!deploy) continue
    return {
      pipelineId: pipeline.id,
      pipelineName: pipeline.name,
      executionId: execution.id,
      reason: lockReason(pipeline.name, env.name, execution, deploy, flavourOf(ctx, env.programId)),
    }
  }
  return undefined
}
