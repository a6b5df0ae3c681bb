/** AMS production runs for the execution page's tests, made through the engine before the app renders. */
import { runUntil, startExecution } from '../engine/executions'
import type { Actor, Execution, Pipeline } from '../engine/model'
import type { PipelineInput } from '../engine/pipelines'
import type { SimRuntime } from '../sim/runtime'

export const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }

/** An AMS production pipeline "AMS Release" on the first program's stage and production, with `input` on top. */
export function amsProductionPipeline(runtime: SimRuntime, input: Partial<PipelineInput> = {}): Pipeline {
  const { engine } = runtime
  const program = engine.listPrograms()[0]!
  const envs = engine.environments(program.id)
  const env = (type: string) => envs.find((e) => e.type === type)!.id
  return engine.createPipeline(DAN, program.id, {
    name: 'AMS Release',
    category: 'production',
    repositoryId: engine.repositories(program.id)[0]!.id,
    branch: 'main',
    environmentIds: [env('stage'), env('prod')],
    ...input,
  })
}

/**
 * Starts the pipeline as Dan, after `before` (faults, say), and runs the clock until `until`
 * holds (by default: a step waits).
 */
export function runAms(
  runtime: SimRuntime,
  pipeline: Pipeline,
  {
    before = () => {},
    until = (e) => e.steps.some((s) => s.status === 'WAITING'),
  }: { before?: () => void; until?: (e: Execution) => boolean } = {},
): Execution {
  const { engine } = runtime
  return engine.mutate(() => {
    before()
    const started = startExecution(engine.ctx, DAN, pipeline.programId, pipeline.id)
    runUntil(engine.ctx, () => until(started))
    return started
  })
}
