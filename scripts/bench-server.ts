/**
 * The team server's scale (`npm run bench`, or alone: `npx tsx scripts/bench-server.ts`), on
 * loopback, with the package's compiled bin (`lib/pipeline-console.js`, built first unless
 * --no-build) running `serve` in its own process, as people run it:
 * - one state-file save (export + atomic write) with 100,000 executions more than the demo, against the demo;
 * - a change reaching 50 open event streams (median and p95 ms; target ≤ 250 ms median);
 * - 200 API requests a second for 10 s, sent on schedule whatever the answers' pace (p50, p99;
 *   target p99 < 50 ms), after 2 s at that rate that are reported apart (the warm-up: V8 compiles
 *   and optimises the request path during the first few hundred requests);
 * - the server's resident memory with the demo, then with 100,000 more executions.
 * Every loop is bounded; nothing listens beyond 127.0.0.1.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Engine } from '../src/engine/engine.ts'
import { type BenchSection, flag, fmt } from './bench-common.ts'
import { seedHistory, startExecution } from '../src/engine/executions.ts'
import { StateFileSaver, stateFileText, writeFileAtomic } from '../src/server/state-file.ts'
import { SYSTEM_ACTOR } from '../src/engine/actors.ts'

export interface ServerBenchResult {
  save: {
    largeExecutions: number
    largeMs: number
    largeBytes: number
    smallExecutions: number
    smallMs: number
    smallBytes: number
    runs: number
    /** A save after a change, on the large file: an append to its journal. */
    largeChangeMs: number
    largeChangeKind: string
    smallChangeMs: number
  }
  events: { streams: number; changes: number; medianMs: number; p95Ms: number }
  load: {
    ratePerSecond: number
    seconds: number
    sent: number
    failed: number
    p50Ms: number
    p99Ms: number
    /** The 2 s at the same rate before the measured 10 s (first use of every path included). */
    warmUp: { sent: number; p50Ms: number; p99Ms: number }
  }
  /**
   * `savedAfterMs`: from the 100,000 executions' arrival until the state file held them;
   * `changeSavedAfterMs`: then from a change's answer until it was on disk.
   */
  memory: { demoRssMb: number; largeRssMb: number; largeExecutions: number; savedAfterMs: number; changeSavedAfterMs: number }
}

const LARGE = 100_000
const STREAMS = 50
const CHANGES = 21
const RATE = 200
const LOAD_SECONDS = 10
const WARM_UP_SECONDS = 2
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'lib/pipeline-console.js')
const ADMIN = { Authorization: 'Bearer admin', 'Content-Type': 'application/json' }

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const quantile = (xs: number[], q: number) => {
  const s = sorted(xs)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN
}
const median = (xs: number[]) => quantile(xs, 0.5)

/**
 * Saves as the server does them, timed (medians of `runs`): the whole file (start-up, and each
 * save of a small state), then — on the same file — a save after a change (a pipeline started,
 * ten virtual minutes on), which appends to the journal once the file is large (state-journal.ts).
 */
async function saveCost(
  extra: number,
  dir: string,
  runs: number,
): Promise<{ ms: number; bytes: number; executions: number; changeMs: number; changeKind: string; changeBytes: number }> {
  // The demo, plus `extra` executions from the same generator as POST /__sim/seed-history.
  const engine = Engine.create('demo', 1)
  if (extra > 0) engine.mutate(() => seedHistory(engine.ctx, engine.state.programs[0]!.id, extra))
  const file = join(dir, `save-${extra}.json`)
  const whole: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await writeFileAtomic(file, stateFileText(engine.exportState(), { speed: 60, paused: false }))
    whole.push(performance.now() - t0)
  }
  const bytes = statSync(file).size
  const saver = new StateFileSaver(file, () => ({ state: engine.state, clock: { speed: 60, paused: false } }), {
    holds: { state: engine.state, bytes },
  })
  const change: number[] = []
  for (let i = 0; i < runs * 3; i++) {
    for (const pipeline of engine.state.pipelines.slice(0, 3)) {
      try {
        engine.mutate(() => startExecution(engine.ctx, SYSTEM_ACTOR, pipeline.programId, pipeline.id, { mode: 'NORMAL' }))
      } catch {
        // Already running: time moves it on.
      }
    }
    engine.advanceBy(10 * 60_000)
    saver.changed()
    const t0 = performance.now()
    await saver.save()
    change.push(performance.now() - t0)
  }
  return {
    ms: median(whole),
    bytes,
    executions: engine.state.executions.length,
    changeMs: median(change),
    changeKind: saver.lastSaveKind ?? 'none',
    changeBytes: statSync(file).size - bytes,
  }
}

interface Child {
  url: string
  process: ChildProcess
  rssMb: () => number
  stop: () => Promise<void>
}

/** `pipeline-console serve` from the package's compiled bin, in a process of its own. */
async function startChild(stateFile: string): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      '0',
      '--scenario',
      'demo',
      // Changes come from the bench alone, so the server is idle between them.
      '--paused',
      '--state-file',
      stateFile,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /listening on (http:\/\/\S+)/.exec(out)?.[1]
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    })
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)))
  })
  return {
    url,
    process: child,
    rssMb: () => {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]
      return kb ? Number(kb) / 1024 : Number.NaN
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Opens an event stream and calls `onRevision` for every revision that arrives. */
function openStream(url: string, onRevision: (revision: number) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/__sim/events`, (res) => {
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const match = /data: \{"revision":(\d+)\}/.exec(buffer.slice(0, end))
          if (match) onRevision(Number(match[1]))
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
        }
      })
      res.on('error', () => {})
      resolve(() => req.destroy())
    })
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)))
    req.end()
  })
}

async function eventFanOut(url: string): Promise<ServerBenchResult['events']> {
  const latest = Array.from({ length: STREAMS }, () => -1)
  let waiting: { revision: number; done: () => void } | undefined
  const closers = await Promise.all(
    latest.map((_, i) =>
      openStream(url, (revision) => {
        latest[i] = Math.max(latest[i] ?? -1, revision)
        if (waiting && latest.every((r) => r >= waiting!.revision)) waiting.done()
      }),
    ),
  )
  const pipelines = (await (await fetch(`${url}/api/program/1/pipelines`, { headers: ADMIN })).json()) as {
    _embedded: { pipelines: { id: string }[] }
  }
  const favorite = `${url}/api/program/1/pipeline/${pipelines._embedded.pipelines[0]!.id}/favorite`
  const times: number[] = []
  try {
    for (let i = 0; i < CHANGES; i++) {
      await new Promise((r) => setTimeout(r, 50))
      const t0 = performance.now()
      const answer = await fetch(favorite, { method: i % 2 ? 'DELETE' : 'PUT', headers: ADMIN })
      // The change's revision: the first one above what every stream has seen.
      const target = Math.max(...latest) + 1
      const reached = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('a change did not reach all streams in 10 s')), 10_000)
        waiting = {
          revision: target,
          done: () => {
            clearTimeout(timer)
            resolve()
          },
        }
        if (latest.every((r) => r >= target)) waiting.done()
      })
      if (answer.status >= 300) throw new Error(`the favourite toggle answered ${answer.status}`)
      await reached
      times.push(performance.now() - t0)
    }
  } finally {
    for (const close of closers) close()
  }
  return { streams: STREAMS, changes: CHANGES, medianMs: median(times), p95Ms: quantile(times, 0.95) }
}

const LOAD_PATHS = [
  '/api/programs',
  '/api/program/1/pipelines',
  '/api/program/1/executions?limit=20',
  '/api/program/1/environments',
  '/__sim/clock',
]

/** Requests sent every 1000/RATE ms on schedule (an open loop), a mix of what the console reads. */
async function openLoop(url: string, seconds: number): Promise<{ latencies: number[]; failed: number; seconds: number }> {
  const latencies: number[] = []
  let failed = 0
  const total = RATE * seconds
  const pending: Promise<void>[] = []
  const start = performance.now()
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const t0 = performance.now()
    pending.push(
      fetch(`${url}${LOAD_PATHS[i % LOAD_PATHS.length]}`, { headers: ADMIN })
        .then(async (res) => {
          await res.arrayBuffer()
          if (!res.ok) failed++
          latencies.push(performance.now() - t0)
        })
        .catch(() => {
          failed++
        }),
    )
  }
  await Promise.all(pending)
  return { latencies, failed, seconds: (performance.now() - start) / 1000 }
}

/** 200 requests a second: a 2 s warm-up, then the measured 10 s. */
async function sustainedLoad(url: string): Promise<ServerBenchResult['load']> {
  const warm = await openLoop(url, WARM_UP_SECONDS)
  const run = await openLoop(url, LOAD_SECONDS)
  return {
    ratePerSecond: run.latencies.length / run.seconds,
    seconds: run.seconds,
    sent: RATE * LOAD_SECONDS,
    failed: run.failed + warm.failed,
    p50Ms: quantile(run.latencies, 0.5),
    p99Ms: quantile(run.latencies, 0.99),
    warmUp: { sent: RATE * WARM_UP_SECONDS, p50Ms: quantile(warm.latencies, 0.5), p99Ms: quantile(warm.latencies, 0.99) },
  }
}

/** The compiled bin, built unless --no-build (and always when it is missing). */
function buildBin(): void {
  if (flag('no-build') && existsSync(BIN)) return
  const built = spawnSync('npx', ['vite', 'build', '--config', 'vite.package.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (built.status !== 0) throw new Error('building lib/pipeline-console.js failed')
  // The bin serves the built console too (the pages section builds it; alone, this does).
  if (!existsSync(join(ROOT, 'dist/index.html')))
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
}

export async function runServerBench(logLine: (line: string) => void = () => {}): Promise<ServerBenchResult> {
  const began = performance.now()
  const log = (line: string) => logLine(`${((performance.now() - began) / 1000).toFixed(1)} s ${line}`)
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'))
  try {
    // The server first, while this process is small: the save costs below hold two
    // 100,000-execution engines here, whose garbage collection would stall this process's
    // clock and show up as the server's latency.
    buildBin()
    const child = await startChild(join(dir, 'team.json'))
    try {
      log('server bench: 50 event streams')
      const events = await eventFanOut(child.url)
      log(`  ${JSON.stringify(events)}`)
      log('server bench: 200 requests a second')
      const load = await sustainedLoad(child.url)
      log(`  ${JSON.stringify(load)}`)
      const demoRssMb = child.rssMb()
      log('server bench: 100,000 executions')
      const seeded = await fetch(`${child.url}/__sim/seed-history`, {
        method: 'POST',
        headers: ADMIN,
        body: JSON.stringify({ programId: '1', count: LARGE }),
      })
      if (seeded.status !== 201) throw new Error(`seed-history answered ${seeded.status}`)
      const seededAt = performance.now()
      // Wait for the state file to hold it, then read the memory. (Adding history before the
      // existing executions rewrites the whole file, which keeps the server busy for a while, so a
      // kept-alive connection may be dropped: asked again.)
      const untilSaved = async () => {
        for (let i = 0; i < 1_200; i++) {
          const status = (await fetch(`${child.url}/__sim/status`)
            .then((r) => r.json())
            .catch(() => ({ saved: false }))) as { saved: boolean }
          if (status.saved) return
          await new Promise((r) => setTimeout(r, 20))
        }
      }
      await untilSaved()
      const largeRssMb = child.rssMb()
      const savedAfterMs = performance.now() - seededAt
      // Then one change on the large state, from its answer until it is on disk (a journal line).
      const pipelines = (await (await fetch(`${child.url}/api/program/1/pipelines`, { headers: ADMIN })).json()) as {
        _embedded: { pipelines: { id: string }[] }
      }
      // A fault added (certainly a change: a favourite may already be set by the streams' toggles).
      const changedAt = performance.now()
      const added = await fetch(`${child.url}/__sim/faults`, {
        method: 'POST',
        headers: ADMIN,
        body: JSON.stringify({ pipelineId: pipelines._embedded.pipelines[0]!.id, action: 'build', status: 'FAILED' }),
      })
      if (added.status !== 201) throw new Error(`adding a fault answered ${added.status}`)
      await untilSaved()
      const changeSavedAfterMs = performance.now() - changedAt
      log(`  memory: ${JSON.stringify({ demoRssMb, largeRssMb, savedAfterMs, changeSavedAfterMs })}`)
      await child.stop()
      log('server bench: save cost')
      const small = await saveCost(0, dir, 5)
      const large = await saveCost(LARGE, dir, 3)
      log(`  save: ${JSON.stringify({ small, large })}`)
      return {
        save: {
          largeExecutions: large.executions,
          largeMs: large.ms,
          largeBytes: large.bytes,
          smallExecutions: small.executions,
          smallMs: small.ms,
          smallBytes: small.bytes,
          runs: 3,
          largeChangeMs: large.changeMs,
          largeChangeKind: large.changeKind,
          smallChangeMs: small.changeMs,
        },
        events,
        load,
        memory: { demoRssMb, largeRssMb, largeExecutions: LARGE, savedAfterMs, changeSavedAfterMs },
      }
    } finally {
      await child.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The team server's rows in `npm run bench`, and its `server` key in the JSON results. */
export const serverSection: BenchSection = {
  name: 'server',
  skipped: () => flag('only-live') || flag('skip-server'),
  async run(rows, json) {
    const r = await runServerBench((line) => console.log(line))
    json.server = r
    const mb = (bytes: number) => fmt(bytes / 1_048_576, 1)
    rows.push(
      {
        measure: `serve: the whole state file written (start-up, journal folded in), ${fmt(r.save.largeExecutions)} executions (${mb(r.save.largeBytes)} MB) vs the demo's ${r.save.smallExecutions} (ms, median of ${r.save.runs})`,
        value: fmt(r.save.largeMs),
        baseline: fmt(r.save.smallMs, 1),
        ratio: `${fmt(r.save.largeMs / r.save.smallMs)}×`,
        target: '',
      },
      {
        measure: `serve: a save after a change (pipelines started, 10 virtual minutes), ${fmt(r.save.largeExecutions)} executions (${r.save.largeChangeKind === 'append' ? 'appended to the journal' : r.save.largeChangeKind}) vs the demo's (whole file) (ms, median of ${r.save.runs * 3})`,
        value: fmt(r.save.largeChangeMs, 1),
        baseline: fmt(r.save.smallChangeMs, 1),
        ratio: '',
        target: '< 1,000 (on disk within 1 s)',
      },
      {
        measure: `serve: a change reaches ${r.events.streams} open event streams (ms, median / p95 of ${r.events.changes})`,
        value: `${fmt(r.events.medianMs, 1)} / ${fmt(r.events.p95Ms, 1)}`,
        baseline: '',
        ratio: '',
        target: '≤ 250 median',
      },
      {
        measure: `serve: ${fmt(r.load.sent)} API requests at ${fmt(r.load.ratePerSecond)}/s after a ${WARM_UP_SECONDS} s warm-up at that rate (p99 ${fmt(r.load.warmUp.p99Ms, 1)}) (ms, p50 / p99; ${r.load.failed} failed)`,
        value: `${fmt(r.load.p50Ms, 1)} / ${fmt(r.load.p99Ms, 1)}`,
        baseline: '',
        ratio: '',
        target: 'p99 < 50 at 200/s',
      },
      {
        measure: `serve: with ${fmt(r.memory.largeExecutions)} more executions, a change's answer until it is on disk (ms)`,
        value: fmt(r.memory.changeSavedAfterMs),
        baseline: '',
        ratio: '',
        target: '< 1,000',
      },
      {
        measure: `serve: resident memory with ${fmt(r.memory.largeExecutions)} more executions vs the demo (MB)`,
        value: fmt(r.memory.largeRssMb),
        baseline: fmt(r.memory.demoRssMb),
        ratio: `${fmt(r.memory.largeRssMb / r.memory.demoRssMb, 1)}×`,
        target: '',
      },
    )
  },
}

const self = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (self) {
  const r = await runServerBench((line) => console.log(line))
  console.log(JSON.stringify(r, null, 2))
}
