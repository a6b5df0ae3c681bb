/**
 * Engine benchmarks (`npm run bench`): step transitions per second, and how long fast-forwarding
 * 14 virtual days takes with 50 executions running. Targets: ≥1,000,000 transitions/s, <100 ms.
 */
import { pathToFileURL } from 'node:url'
import { SYSTEM_ACTOR } from '../src/engine/actors'
import { Engine } from '../src/engine/engine'
import { startExecution } from '../src/engine/executions'
import type { Execution, Pipeline } from '../src/engine/model'
import { createPipeline, withDefaults } from '../src/engine/pipelines'
import { addEnvironment, addProgram, addRepository } from '../src/engine/scenarios/builder'

export interface EngineBenchResult {
  /** Step status changes (start, end) and rolling-deploy activity changes per second of clock advance. */
  transitionsPerSecond: number
  transitions: number
  /** Wall time to advance 14 virtual days with 50 executions running, in ms. */
  fastForward14DaysMs: number
  /** Timers fired during that fast-forward. */
  fastForwardTimersFired: number
}

const DAY = 86_400_000

/** An engine with `count` programs, each with a coupled production pipeline. */
function engineWithPipelines(count: number, pauseBeforeProd: boolean): { engine: Engine; pipelines: Pipeline[] } {
  const engine = Engine.create('fresh-program', 42)
  const ctx = engine.ctx
  const pipelines: Pipeline[] = []
  for (let i = 0; i < count; i++) {
    const program = addProgram(ctx, `Bench ${i}`)
    const stage = addEnvironment(ctx, program, `bench-${i}-stage`, 'stage')
    const prod = addEnvironment(ctx, program, `bench-${i}-prod`, 'prod')
    const repo = addRepository(ctx, program, `bench-${i}`, ['main'], 1)
    pipelines.push(
      createPipeline(
        ctx,
        SYSTEM_ACTOR,
        program.id,
        withDefaults({
          name: 'Production Pipeline',
          category: 'production',
          repositoryId: repo.id,
          branch: 'main',
          environmentIds: [stage.id, prod.id],
          productionOptions: { pauseBeforeProd, scheduled: false },
        }),
      ),
    )
  }
  return { engine, pipelines }
}

function transitionsOf(executions: readonly Execution[]): number {
  let n = 0
  for (const e of executions) {
    for (const s of e.steps) {
      if (s.status !== 'NOT_STARTED') n++
      if (s.finishedAt !== undefined) n++
      for (const a of s.activities ?? []) n += a.status === 'NOT_STARTED' ? 0 : a.status === 'RUNNING' ? 1 : 2
    }
  }
  return n
}

export function benchEngine(options: { pipelines?: number; rounds?: number; warmup?: number } = {}): EngineBenchResult {
  const count = options.pipelines ?? 200
  const rounds = options.rounds ?? 15
  const warmup = options.warmup ?? 5
  const { engine, pipelines } = engineWithPipelines(count, false)
  let transitions = 0
  let elapsed = 0
  for (let round = 0; round < warmup + rounds; round++) {
    const started = pipelines.map((p) => startExecution(engine.ctx, SYSTEM_ACTOR, p.programId, p.id))
    const before = transitionsOf(started)
    const t0 = performance.now()
    engine.advanceBy(DAY)
    const t1 = performance.now()
    if (round < warmup) continue // let the JIT settle
    transitions += transitionsOf(started) - before
    elapsed += t1 - t0
  }

  const waiting = engineWithPipelines(50, true)
  for (const p of waiting.pipelines) startExecution(waiting.engine.ctx, SYSTEM_ACTOR, p.programId, p.id)
  const f0 = performance.now()
  const fired = waiting.engine.advanceBy(14 * DAY)
  const fastForward14DaysMs = performance.now() - f0

  return {
    transitionsPerSecond: Math.round(transitions / (elapsed / 1000)),
    transitions,
    fastForward14DaysMs: Math.round(fastForward14DaysMs * 100) / 100,
    fastForwardTimersFired: fired,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchEngine()
  console.log(`step transitions/s: ${r.transitionsPerSecond.toLocaleString('en-US')} (${r.transitions} transitions)`)
  console.log(`fast-forward 14 days, 50 executions: ${r.fastForward14DaysMs} ms (${r.fastForwardTimersFired} timers)`)
}
