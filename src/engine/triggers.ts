/**
 * Automatic triggers: a Git push starts the idle ON_COMMIT pipelines watching that branch
 * (spec §D.12); when a stage-only and the coupled production pipeline both watch it, only the
 * stage-only one starts (§E.6). Adobe's push upgrades start PUSH_UPGRADES executions.
 */
import { SYSTEM_ACTOR } from './actors'
import type { EngineContext } from './context'
import { notFound } from './errors'
import { canStart, startExecution } from './executions/start'
import type { Execution } from './model'
import { isCoupled } from './pipelines'

export interface PushResult {
  repositoryId: string
  branch: string
  commitId: string
  /** Executions started by the push. */
  started: string[]
  /** ON_COMMIT pipelines on the branch that did not start, and why. */
  skipped: Array<{ pipelineId: string; reason: string }>
}

export function gitPush(ctx: EngineContext, repositoryId: string, branchName: string): PushResult {
  const repo = ctx.findRepository(repositoryId)
  if (!repo) throw notFound('Repository', repositoryId)
  const branch = repo.branches.find((b) => b.name === branchName)
  if (!branch) throw notFound('Branch', branchName)
  const commitId = ctx.random.hex(40)
  branch.commits.push(commitId)
  ctx.touch()
  const watchers = ctx
    .pipelinesOf(repo.programId)
    .filter((p) => p.trigger === 'ON_COMMIT' && p.repositoryId === repositoryId && p.branch === branchName)
  const stageOnlyWatches = watchers.some((p) => p.category === 'stageOnly')
  const result: PushResult = { repositoryId, branch: branchName, commitId, started: [], skipped: [] }
  for (const pipeline of watchers) {
    if (stageOnlyWatches && isCoupled(pipeline)) {
      result.skipped.push({
        pipelineId: pipeline.id,
        reason: 'The stage-only pipeline on this branch takes precedence over the production pipeline.',
      })
      continue
    }
    const verdict = canStart(ctx, SYSTEM_ACTOR, pipeline)
    if (!verdict.ok) {
      result.skipped.push({ pipelineId: pipeline.id, reason: verdict.error.message })
      continue
    }
    const execution = startExecution(ctx, { roles: SYSTEM_ACTOR.roles, userId: '' }, pipeline.programId, pipeline.id, {
      trigger: 'ON_COMMIT',
    })
    result.started.push(execution.id)
  }
  return result
}

/** An Adobe-initiated AEM update of a production pipeline. */
export function pushUpgrade(ctx: EngineContext, programId: string, pipelineId: string): Execution {
  return startExecution(ctx, { roles: SYSTEM_ACTOR.roles, userId: '' }, programId, pipelineId, { trigger: 'PUSH_UPGRADES' })
}
