/**
 * Where a stage-only build went (spec §E.3): the production only executions Promote Build
 * started from it, newest first — so its page can link to the production run that took it.
 */
import type { EngineContext } from '../context'
import type { Execution } from '../model'

export function promotionsOf(ctx: EngineContext, stageOnly: Execution): Execution[] {
  if (stageOnly.category !== 'stageOnly') return []
  const out: Execution[] = []
  for (const pipeline of ctx.pipelinesOf(stageOnly.programId)) {
    if (pipeline.category !== 'prodOnly') continue
    for (const id of pipeline.executionIds) {
      const e = ctx.findExecution(id)
      // Re-executions and rollbacks name other sources; only a promotion names the stage-only run.
      if (e && e.sourceExecutionId === stageOnly.id && e.trigger !== 'RE_EXECUTE' && !e.isRollback) out.push(e)
    }
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id))
}
