import type { Pipeline } from '../../../contract/resources'

export interface RunPlanEntry {
  pipeline: Pipeline
  /** Why it cannot start; undefined when it will be started. */
  reason: string | undefined
}

const isCoupled = (p: Pipeline) => p['x-sim'].category === 'production' && p['x-sim'].codeSource === 'fullStack'
const isSplit = (p: Pipeline) => p['x-sim'].category === 'stageOnly' || p['x-sim'].category === 'prodOnly'

/**
 * Which of the selected pipelines Run selected starts (spec §B.2): those the server lets start
 * now (`x-sim.blocked.start`), less the stage-only and production only pipelines when the
 * coupled production pipeline starts with them (they exclude each other, spec §E.5).
 */
export function runPlan(selected: readonly Pipeline[]): RunPlanEntry[] {
  const coupled = selected.find((p) => isCoupled(p) && !p['x-sim'].blocked.start)
  return selected.map((pipeline) => {
    const blocked = pipeline['x-sim'].blocked.start?.reason
    if (blocked) return { pipeline, reason: blocked }
    if (coupled && isSplit(pipeline)) {
      return {
        pipeline,
        reason: `Cannot run together with "${coupled.name}": stage-only and production only pipelines cannot run while the production pipeline runs.`,
      }
    }
    return { pipeline, reason: undefined }
  })
}
