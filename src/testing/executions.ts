/** Executions set up through the engine before the app renders, for the execution view tests. */
import { advanceStep, runUntil, startExecution } from '../engine/executions'
import { addFault } from '../engine/faults'
import type { Actor } from '../engine/model'
import type { SimRuntime } from '../sim/runtime'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }

/** A coupled run approved into a production deploy that fails (an injected step fault). */
export function failedProdDeploy(runtime: SimRuntime) {
  const ctx = runtime.engine.ctx
  const program = runtime.engine.listPrograms()[0]!
  const pipeline = ctx.pipelinesOf(program.id)[0]!
  return runtime.engine.mutate(() => {
    addFault(ctx, { pipelineId: pipeline.id, action: 'deploy', environmentType: 'prod', status: 'FAILED' })
    const e = startExecution(ctx, DAN, program.id, pipeline.id)
    runUntil(ctx, () => e.steps.some((s) => s.status === 'WAITING'))
    const approval = e.steps.find((s) => s.action === 'approval')!
    const ref = {
      programId: program.id,
      pipelineId: pipeline.id,
      executionId: e.id,
      phaseId: approval.phaseId,
      stepId: approval.stepId,
    }
    advanceStep(ctx, DAN, ref, { kind: 'approve' }, { approved: true })
    runUntil(ctx, () => e.status !== 'RUNNING')
    return e
  })
}
