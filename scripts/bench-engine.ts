/**
 * Engine benchmarks (`npm run bench`): step transitions per second, how long fast-forwarding
 * 14 virtual days takes with 50 executions running (targets: ≥1,000,000 transitions/s, <100 ms),
 * and how long the API takes to answer the first page of a program's activity with 100,000
 * executions in the state compared with 10 (target: about the same).
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { getResponse } from 'msw'
import { SYSTEM_ACTOR } from '../src/engine/actors'
import { Engine } from '../src/engine/engine'
import { seedHistory, startExecution } from '../src/engine/executions'
import type { Execution, Pipeline } from '../src/engine/model'
import { createPipeline, withDefaults } from '../src/engine/pipelines'
import { addEnvironment, addProgram, addRepository } from '../src/engine/scenarios/builder'
import { createHandlers } from '../src/sim/http/create-handlers'
import { SimRuntime } from '../src/sim/runtime'

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
const FAST_FORWARD_EXECUTIONS = 50
/** Rows on the measured activity page: all of the small state's history. */
const PAGE_ROWS = 10

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

  const waiting = engineWithPipelines(FAST_FORWARD_EXECUTIONS, true)
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

export interface ActivityBenchResult {
  /** Executions in the large state. */
  largeExecutions: number
  /** Executions in the small state. */
  smallExecutions: number
  /** Median time to answer the first page (10 rows) of `/api/program/{id}/executions?limit=10`, in ms. */
  largeFirstPageMs: number
  smallFirstPageMs: number
  /** largeFirstPageMs / smallFirstPageMs. */
  ratio: number
  /** The first answer after the large state changed (builds the ordered list once), in ms. */
  largeColdMs: number
  /** Time `seedHistory` took to add the large history, in ms. */
  seedMs: number
  runs: number
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const round2 = (n: number) => Math.round(n * 100) / 100

/** A paused simulator (the coupled-pipeline scenario) whose program has `count` executions, behind the real handlers. */
function activityBackend(count: number) {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'coupled-pipeline', seed: 42 })
  const programId = (runtime.engine.state.programs[0] as { id: string }).id
  const t0 = performance.now()
  runtime.engine.mutate(() => seedHistory(runtime.engine.ctx, programId, count))
  const seedMs = performance.now() - t0
  const handlers = createHandlers(runtime)
  const firstPage = async (): Promise<number> => {
    // A page of 10 rows in both states, so both answers represent the same number of executions.
    const request = new Request(`http://sim.local/api/program/${programId}/executions?limit=${PAGE_ROWS}`, {
      headers: { Authorization: 'Bearer admin' },
    })
    const t = performance.now()
    const response = await getResponse(handlers, request, { baseUrl: 'http://sim.local' })
    if (!response || response.status !== 200) throw new Error(`activity answered ${response?.status}`)
    await response.text()
    return performance.now() - t
  }
  return { firstPage, seedMs }
}

/**
 * First page of the program activity through the msw handlers (`getResponse`, body read): a state
 * with 100,000 executions vs one with 10, interleaved after a warm-up; medians of `runs`.
 */
export async function benchActivity(
  options: { large?: number; small?: number; runs?: number } = {},
): Promise<ActivityBenchResult> {
  const largeExecutions = options.large ?? 100_000
  const smallExecutions = options.small ?? 10
  const runs = options.runs ?? 31
  const large = activityBackend(largeExecutions)
  const small = activityBackend(smallExecutions)
  const largeColdMs = await large.firstPage()
  await small.firstPage()
  for (let i = 0; i < 20; i++) {
    await large.firstPage()
    await small.firstPage()
  }
  const l: number[] = []
  const s: number[] = []
  for (let i = 0; i < runs; i++) {
    l.push(await large.firstPage())
    s.push(await small.firstPage())
  }
  const largeFirstPageMs = median(l)
  const smallFirstPageMs = median(s)
  return {
    largeExecutions,
    smallExecutions,
    largeFirstPageMs: round2(largeFirstPageMs),
    smallFirstPageMs: round2(smallFirstPageMs),
    ratio: round2(largeFirstPageMs / smallFirstPageMs),
    largeColdMs: round2(largeColdMs),
    seedMs: Math.round(large.seedMs),
    runs,
  }
}

export interface RunEngineBenchResult {
  transitionsPerSecond: number
  fastForwardMs: number
  /** Executions running during the fast-forward. */
  executions: number
  activity: ActivityBenchResult
}

/** What `scripts/bench.ts` calls. */
export async function runEngineBench(): Promise<RunEngineBenchResult> {
  const engine = benchEngine()
  const activity = await benchActivity()
  return {
    transitionsPerSecond: engine.transitionsPerSecond,
    fastForwardMs: engine.fastForward14DaysMs,
    executions: FAST_FORWARD_EXECUTIONS,
    activity,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchEngine()
  console.log(`step transitions/s: ${r.transitionsPerSecond.toLocaleString('en-US')} (${r.transitions} transitions)`)
  console.log(`fast-forward 14 days, 50 executions: ${r.fastForward14DaysMs} ms (${r.fastForwardTimersFired} timers)`)
  const a = await benchActivity()
  console.log(
    `activity first page: ${a.largeFirstPageMs} ms with ${a.largeExecutions.toLocaleString('en-US')} executions vs ${a.smallFirstPageMs} ms with ${a.smallExecutions} (${a.ratio}×, median of ${a.runs}; first answer after seeding ${a.largeColdMs} ms; seeding ${a.seedMs} ms)`,
  )
}
