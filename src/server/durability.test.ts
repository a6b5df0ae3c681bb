// @vitest-environment node
/**
 * The state file survives `kill -9` at any moment: the real server process (the CLI, bundled as
 * the package ships it and run by plain node) runs a busy simulation (four pipelines started
 * again whenever they end, on a clock 200,000 times real time) and is killed 50 times at
 * random moments — during start-up, between saves and in the middle of one — and restarted each
 * time; every other server appends each save to the journal (as one with a large state does) and
 * the next folds it in. After every kill the file loads, no execution that was ever saved as
 * FINISHED is missing or changed, and every execution the API reported FINISHED more than a
 * second before the kill is in it (every change is on disk within a second).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../engine/actors'
import { Engine } from '../engine/engine'
import { createPipeline, withDefaults } from '../engine/pipelines'
import { readStateFile, stateFileText, writeFileAtomic } from './state-file'

const ROOT = resolve(import.meta.dirname, '../..')
const KILLS = 50
/** Fast enough that executions finish within a few ticks of the real clock. */
const SPEED = 200_000
const ROLE = { Authorization: 'Bearer admin' }

let bundleDir: string
let dataDir: string
let entry: string

beforeAll(async () => {
  // One file with its dependencies, so that each of the 50 starts loads quickly.
  bundleDir = mkdtempSync(join(tmpdir(), 'durability-bundle-'))
  const source = join(bundleDir, 'entry.ts')
  writeFileSync(
    source,
    // JOURNAL=1: every save after the first appends to the journal (state-journal.ts), as a large state's do.
    `import { runCli } from ${JSON.stringify(join(ROOT, 'src/server/cli.ts'))}\nprocess.exitCode = await runCli(process.argv.slice(2), process.env, { consoleDir: null, ...(process.env.JOURNAL ? { journalFromBytes: 0 } : {}) })\n`,
  )
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: { ssr: source, outDir: join(bundleDir, 'out'), emptyOutDir: true, target: 'node20', minify: false },
    ssr: { noExternal: true },
  })
  entry = join(bundleDir, 'out', 'entry.js')
  dataDir = mkdtempSync(join(tmpdir(), 'durability-'))
}, 60_000)

afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

/**
 * Starts the server; resolves with its URL once it listens, or undefined if it was killed first.
 * `killAfterMs` counts from the start when given, else from the moment it listens.
 */
function start(
  file: string,
  killAfterMs: { fromStart: number } | { fromListening: number },
  journal: boolean,
): { child: ChildProcess; listening: Promise<string | undefined> } {
  const child = spawn(process.execPath, [entry, 'serve', '--port', '0', '--speed', String(SPEED), '--state-file', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(journal ? { JOURNAL: '1' } : {}) },
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const kill = () => child.kill('SIGKILL')
  let killer = 'fromStart' in killAfterMs ? setTimeout(kill, killAfterMs.fromStart) : undefined
  const listening = new Promise<string | undefined>((resolveUrl, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
      if (url && !killer && 'fromListening' in killAfterMs) killer = setTimeout(kill, killAfterMs.fromListening)
      if (url) resolveUrl(url)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(killer)
      if (signal === 'SIGKILL') resolveUrl(undefined)
      else reject(new Error(`The server exited with ${code}: ${stderr}`))
    })
  })
  return { child, listening }
}

const PIPELINES = 4

/** The first state file: fresh-program plus four code quality pipelines (every step succeeds, no gate waits). */
async function writeFirstStateFile(file: string): Promise<string[]> {
  const engine = Engine.create('fresh-program', 1)
  const program = engine.state.programs[0]!
  const repository = engine.state.repositories[0]!
  const pipelines = engine.mutate(() =>
    Array.from({ length: PIPELINES }, (_, n) =>
      createPipeline(
        engine.ctx,
        SYSTEM_ACTOR,
        program.id,
        withDefaults({
          name: `Quality ${n + 1}`,
          category: 'nonProduction',
          nonProdKind: 'codeQuality',
          repositoryId: repository.id,
          branch: 'main',
        }),
      ),
    ),
  )
  await writeFileAtomic(file, stateFileText(engine.exportState(), { speed: SPEED, paused: false }))
  return pipelines.map((p) => `/api/program/${program.id}/pipeline/${p.id}`)
}

/** Keeps every pipeline busy: starts each one again whenever it is idle. */
async function drive(url: string, pipelines: string[], seen: Map<string, number>, until: () => boolean): Promise<void> {
  while (!until()) {
    try {
      await Promise.all(pipelines.map((href) => fetch(`${url}${href}/execution`, { method: 'PUT', headers: ROLE })))
      const finished = (await (
        await fetch(`${url}/api/program/1/executions?status=FINISHED&limit=100`, { headers: ROLE })
      ).json()) as { _embedded?: { executions: { id: string }[] } }
      const now = Date.now()
      for (const e of finished._embedded?.executions ?? []) if (!seen.has(e.id)) seen.set(e.id, now)
      // Busy, like a few people and a fast clock, not a flood that starves the server.
      await new Promise((r) => setTimeout(r, 50))
    } catch {
      return // killed
    }
  }
}

it(`loses no finished execution over ${KILLS} kill -9s at random moments, saving by rewriting the file and by appending to its journal in turn`, async () => {
  const file = join(dataDir, 'team.json')
  /** Journal lines found in the file after the kills of servers that journal every save. */
  let journalLines = 0
  /** Execution id → when the API first reported it FINISHED. */
  const seen = new Map<string, number>()
  let everSaved = new Set<string>()
  let killsWhileServing = 0
  let initiallyFinished: number | undefined
  const pipelines = await writeFirstStateFile(file)
  for (let i = 0; i < KILLS; i++) {
    // Every other server journals each save, as one with a large state does; the next folds the
    // journal in at start-up.
    const journal = i % 2 === 1
    // Some kills land during start-up (reading, validating, creating the file), most while it runs.
    const { child, listening } = start(
      file,
      Math.random() < 0.2 ? { fromStart: Math.random() * 1_000 } : { fromListening: 300 + Math.random() * 1_000 },
      journal,
    )
    const killedAt = new Promise<number>((r) => child.on('exit', () => r(Date.now())))
    const url = await listening
    if (url) {
      killsWhileServing++
      let exited = false
      void killedAt.then(() => {
        exited = true
      })
      await drive(url, pipelines, seen, () => exited)
    }
    const killed = await killedAt

    if (journal && existsSync(file)) journalLines += readFileSync(file, 'utf8').trimEnd().split('\n').length - 1
    const loaded = await readStateFile(file) // throws if the file does not load
    if (!loaded) {
      expect(everSaved.size, 'the file went missing').toBe(0)
      continue
    }
    const finished = new Set(loaded.state.executions.filter((e) => e.status === 'FINISHED').map((e) => e.id))
    for (const id of everSaved) expect(finished.has(id), `execution ${id} was lost by kill ${i + 1}`).toBe(true)
    for (const [id, at] of seen) {
      if (at < killed - 1_000) expect(finished.has(id), `execution ${id}, finished before kill ${i + 1}, is saved`).toBe(true)
      // Finished within the last second and not saved yet: lost with the process, as allowed; the
      // restarted server gives its id to a new execution.
      else if (!finished.has(id)) seen.delete(id)
    }
    everSaved = finished
    initiallyFinished ??= finished.size
  }
  console.log(
    `${KILLS} kills, ${killsWhileServing} while serving; ${everSaved.size - (initiallyFinished ?? 0)} executions finished and saved`,
  )
  expect(killsWhileServing).toBeGreaterThan(KILLS / 2)
  // The journal was exercised, not only the whole-file writes.
  expect(journalLines, 'journal lines found after the kills of journaling servers').toBeGreaterThan(KILLS / 4)
  // The run was busy: executions finished (and were saved) between the kills.
  expect(everSaved.size - (initiallyFinished ?? 0)).toBeGreaterThan(10)
  // And the survivor starts normally.
  const { child, listening } = start(file, { fromStart: 60_000 }, false)
  expect(await listening).toMatch(/^http:/)
  child.kill('SIGKILL')
}, 600_000)
