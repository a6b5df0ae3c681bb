/**
 * Where promoted artifacts come from (spec §E.3–E.4, §E.7): successful stage-only executions,
 * and what production runs now, to warn about rollbacks.
 */
import type { EngineContext } from '../context'
import type { Execution } from '../model'
import { compareArtifactsVersions } from './calendar'
import { isProdDeploy } from './common'
import { memoPerRevision } from './memo'

/** Successful stage-only executions of a program, newest first (computed once per state revision). */
function promotableOf(ctx: EngineContext, programId: string): readonly Execution[] {
  return memoPerRevision(ctx, `promotable:${programId}`, () => {
    const out: Execution[] = []
    for (const p of ctx.pipelinesOf(programId)) {
      if (p.category !== 'stageOnly') continue
      for (const id of p.executionIds) {
        const e = ctx.findExecution(id)
        if (e && e.status === 'FINISHED') out.push(e)
      }
    }
    return out.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || Number(b.id) - Number(a.id))
  })
}

/** Successful stage-only executions of a program, newest first. */
export function promotableExecutions(ctx: EngineContext, programId: string): Execution[] {
  return [...promotableOf(ctx, programId)]
}

export function latestPromotable(ctx: EngineContext, programId: string): Execution | undefined {
  return promotableOf(ctx, programId)[0]
}

export interface ProductionRelease {
  artifactsVersion: string
  executionId: string
  pipelineId: string
  finishedAt: number
}

/** Every successful production deploy of a program, by finish time (state order among equal times); once per revision. */
function productionReleasesOf(ctx: EngineContext, programId: string): readonly ProductionRelease[] {
  return memoPerRevision(ctx, `releases:${programId}`, () => {
    const out: ProductionRelease[] = []
    for (const e of ctx.state.executions) {
      if (e.programId !== programId) continue
      for (const s of e.steps) {
        if (!isProdDeploy(s) || s.status !== 'FINISHED' || s.finishedAt === undefined) continue
        out.push({ artifactsVersion: e.artifactsVersion, executionId: e.id, pipelineId: e.pipelineId, finishedAt: s.finishedAt })
      }
    }
    // Array.prototype.sort is stable: equal finish times keep state order.
    return out.sort((a, b) => a.finishedAt - b.finishedAt)
  })
}

/** The artifacts production ran at `at`: the latest successful production deploy finished by then. */
export function productionReleaseAt(
  ctx: EngineContext,
  programId: string,
  at: number,
  exceptExecutionId?: string,
): ProductionRelease | undefined {
  const releases = productionReleasesOf(ctx, programId)
  // The last release finished by `at` (binary search), then back past the excepted execution.
  let lo = 0
  let hi = releases.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((releases[mid] as ProductionRelease).finishedAt <= at) lo = mid + 1
    else hi = mid
  }
  let i = lo - 1
  while (i >= 0 && (releases[i] as ProductionRelease).executionId === exceptExecutionId) i--
  if (i < 0) return undefined
  // Among releases finished at the same time, the first in state order wins (as a scan would pick).
  const latest = (releases[i] as ProductionRelease).finishedAt
  let best = releases[i] as ProductionRelease
  for (let j = i - 1; j >= 0 && (releases[j] as ProductionRelease).finishedAt === latest; j--) {
    const r = releases[j] as ProductionRelease
    if (r.executionId !== exceptExecutionId) best = r
  }
  return best
}

export interface RollbackRisk {
  message: string
  productionArtifactsVersion: string
  productionExecutionId: string
}

/**
 * Whether deploying `artifactsVersion` to production would roll it back to older code than it
 * runs (as of `at`): the warning of spec §E.7.
 */
export function rollbackRisk(
  ctx: EngineContext,
  programId: string,
  artifactsVersion: string,
  at: number,
  exceptExecutionId?: string,
): RollbackRisk | undefined {
  const release = productionReleaseAt(ctx, programId, at, exceptExecutionId)
  if (!release || compareArtifactsVersions(artifactsVersion, release.artifactsVersion) >= 0) return undefined
  const pipeline = ctx.findPipeline(release.pipelineId)
  return {
    message:
      `Production runs ${release.artifactsVersion}` +
      `${pipeline ? ` (deployed by "${pipeline.name}", execution ${release.executionId})` : ''}, which is newer than ${artifactsVersion}: ` +
      'promoting this build would roll production back. Adobe recommends to stop using the production pipeline once you use stage-only and production only pipelines.',
    productionArtifactsVersion: release.artifactsVersion,
    productionExecutionId: release.executionId,
  }
}

/** The rollback risk recorded for an execution that deploys promoted (or copied) artifacts. */
export function executionRollbackRisk(ctx: EngineContext, execution: Execution): RollbackRisk | undefined {
  if (execution.category !== 'prodOnly') return undefined
  return rollbackRisk(ctx, execution.programId, execution.artifactsVersion, execution.createdAt, execution.id)
}
