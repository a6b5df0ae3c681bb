/**
 * (sim) `POST /__sim/clock/advance-until-waiting {"maxMs"?}`: jumps the virtual clock from one
 * due timer to the next until a step starts waiting for a decision, nothing is running any more,
 * or `maxMs` (30 days by default) has passed — the demo panel's "until next waiting step".
 */
import { http, HttpResponse } from 'msw'
import type { AdvanceUntilWaitingResult, WaitingStep } from '../../../contract/sim-controls'
import type { Engine } from '../../../engine/engine'
import { stepLabel } from '../../../engine/executions'
import { flavourOf } from '../../../engine/flavour'
import type { Execution } from '../../../engine/model'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { readJson, simRoute } from '../route'
import { clockOf } from './sim'

const DAY_MS = 24 * 3600 * 1000
/** A safety net: every iteration fires at least one timer, so real runs stop far earlier. */
const MAX_ITERATIONS = 100_000

function runningExecutions(engine: Engine): Execution[] {
  const out: Execution[] = []
  for (const p of engine.state.pipelines) {
    const e = p.currentExecutionId ? engine.ctx.findExecution(p.currentExecutionId) : undefined
    if (e && (e.status === 'RUNNING' || e.status === 'CANCELLING')) out.push(e)
  }
  return out
}

function waitingSteps(engine: Engine): Map<string, WaitingStep> {
  const out = new Map<string, WaitingStep>()
  for (const e of runningExecutions(engine)) {
    for (const s of e.steps) {
      if (s.status !== 'WAITING') continue
      out.set(`${e.id}/${s.id}`, {
        programId: e.programId,
        pipelineId: e.pipelineId,
        pipelineName: engine.ctx.findPipeline(e.pipelineId)?.name ?? '',
        executionId: e.id,
        stepAction: s.action,
        stepLabel: stepLabel(s, flavourOf(engine.ctx, e.programId)),
      })
    }
  }
  return out
}

/** Something moves on its own: a step is running (waiting steps need a person, or their timeout). */
const progressing = (engine: Engine): boolean =>
  runningExecutions(engine).some((e) => e.status === 'CANCELLING' || e.steps.some((s) => s.status === 'RUNNING'))

export function advanceUntilWaiting(runtime: SimRuntime, maxMs: number): AdvanceUntilWaitingResult {
  runtime.sync()
  const startedAt = runtime.engine.now
  const limit = startedAt + maxMs
  const before = waitingSteps(runtime.engine)
  let reason: AdvanceUntilWaitingResult['reason'] = 'limit'
  let fresh: WaitingStep[] = []
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const engine = runtime.engine
    fresh = [...waitingSteps(engine)].filter(([key]) => !before.has(key)).map(([, step]) => step)
    if (fresh.length > 0) {
      reason = 'waiting'
      break
    }
    if (!progressing(engine)) {
      reason = 'idle'
      break
    }
    const next = engine.nextDeadline()
    if (next === undefined || next > limit) {
      runtime.advance(limit - engine.now)
      reason = 'limit'
      break
    }
    runtime.advance(Math.max(0, next - engine.now))
  }
  return { reason, advancedMs: runtime.engine.now - startedAt, waiting: fresh, clock: clockOf(runtime) }
}

export function simAdvanceHandlers(runtime: SimRuntime) {
  return [
    http.post(
      '/__sim/clock/advance-until-waiting',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const text = await request.clone().text()
        let maxMs = 30 * DAY_MS
        if (text.trim() !== '') {
          const read = await readJson(request)
          if (!read.ok) return read.response
          maxMs = (await parseBody('advanceUntilWaitingBody', read.body)).maxMs ?? maxMs
        }
        return HttpResponse.json(advanceUntilWaiting(rt, maxMs))
      }),
    ),
  ]
}
