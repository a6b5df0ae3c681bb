/**
 * `pipeline-console serve`: one simulated backend for every browser on every machine. One Node
 * process serves the built console at `/` and the same `/api/*` and `/__sim/*` handlers the
 * browser runs (src/sim/http), on one origin; its virtual clock runs in real time, and with a
 * state file every change is on disk within a second. See docs/decisions/010-team-server.md.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import type { SimStatus } from '../contract/sim-controls'
import { DEFAULT_SEED } from '../engine/engine'
import type { ScenarioName } from '../engine/scenarios/index'
import { createHandlers } from '../sim/http/create-handlers'
import { DEMO_SPEED, SimRuntime } from '../sim/runtime'
import { accessCheck, isLoopbackHost, MIN_KEY_LENGTH } from './access'
import { handlerListener } from './http-adapter'
import { checkWritableFolder, readStateFile, removeStaleTemporaryFiles, StateFileSaver } from './state-file'
import { staticFiles } from './static-files'

export const DEFAULT_PORT = 4173
export const DEFAULT_HOST = '127.0.0.1'
/** How often the clock is brought up to date between requests (as in the browser). */
const TICK_MS = 200
/** How often virtual time that moved without any change (no timer fired) is saved. */
const TIME_SAVE_MS = 5_000

export interface ServeOptions {
  /** 0 picks a free port (the `url` says which). */
  port?: number
  host?: string
  scenario?: ScenarioName
  seed?: number
  /** Virtual ms per real ms; with a state file, overrides the saved setting when given. */
  speed?: number
  paused?: boolean
  stateFile?: string
  /** Required when `host` is not a loopback address. */
  accessKey?: string
  /**
   * The built console (a `vite build` output) to serve at `/`. `undefined`: the package's own
   * `dist/` (see `findConsoleDir`); `null`: the API alone (`npm run api`).
   */
  consoleDir?: string | null
  /** One line at a time, for people (the CLI prints them). */
  log?: (line: string) => void
  /** How long the first change of a burst waits before it is written (default 100 ms). */
  saveIntervalMs?: number
  /**
   * From this state file size on, saves append what changed instead of rewriting the file
   * (src/server/state-journal.ts; default 8 MB). Tests set 0 to journal every save.
   */
  journalFromBytes?: number
}

export interface ServeHandle {
  url: string
  runtime: SimRuntime
  server: Server
  status: () => SimStatus
  /** Stops answering, closes open streams and writes the last state. */
  close: () => Promise<void>
}

/** A problem with the options themselves (the CLI exits with status 2). */
export class ServeUsageError extends Error {}

/**
 * The built console of this package: walks up from this module to the folder whose
 * package.json is `pipeline-console` and takes its `dist/` (where `vite build` writes).
 */
export function findConsoleDir(from: string = import.meta.url): string | undefined {
  let dir = dirname(fileURLToPath(from))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'pipeline-console') {
          return join(dir, 'dist')
        }
      } catch {
        // Not ours; keep looking.
      }
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

export function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

const isBackendPath = (url: string | undefined) => /^\/(api|__sim)(\/|\?|$)/.test(url ?? '/')

export async function startServe(options: ServeOptions = {}): Promise<ServeHandle> {
  const host = options.host ?? DEFAULT_HOST
  const log = options.log ?? (() => {})
  const key = options.accessKey || undefined
  if (!isLoopbackHost(host) && !key) {
    throw new ServeUsageError(
      `--host ${host} lets other machines in, so an access key is required: pass --access-key KEY or set PIPELINE_CONSOLE_ACCESS_KEY.`,
    )
  }
  if (key !== undefined && key.length < MIN_KEY_LENGTH) {
    throw new ServeUsageError(`The access key must be at least ${MIN_KEY_LENGTH} characters long.`)
  }
  // Loaded first: a console that was not built is found before anything is written.
  const consoleDir = options.consoleDir === undefined ? findConsoleDir() : options.consoleDir
  if (options.consoleDir === undefined && consoleDir === undefined) {
    throw new Error('The built console was not found next to this package; pass consoleDir.')
  }
  const serveStatic = consoleDir ? staticFiles(consoleDir) : undefined

  const stateFile = options.stateFile ? resolve(options.stateFile) : undefined
  let restored = false
  let runtime: SimRuntime
  const realNow = () => performance.now()
  const clockOverride = {
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    ...(options.paused !== undefined ? { paused: options.paused } : {}),
  }
  const loaded = stateFile ? await readStateFile(stateFile) : undefined
  if (stateFile) {
    await checkWritableFolder(stateFile)
    await removeStaleTemporaryFiles(stateFile)
  }
  if (loaded) {
    restored = true
    runtime = new SimRuntime({ realNow, state: loaded.state, ...loaded.clock, ...clockOverride })
    log(
      `Restored the state from ${stateFile} (${loaded.state.executions.length} executions); --scenario and --seed are ignored while this file exists.`,
    )
  } else {
    runtime = new SimRuntime({
      realNow,
      scenario: options.scenario ?? 'demo',
      seed: options.seed ?? DEFAULT_SEED,
      speed: options.speed ?? DEMO_SPEED,
      paused: options.paused ?? false,
    })
  }

  const saver = stateFile
    ? new StateFileSaver(stateFile, () => ({ state: runtime.engine.state, clock: runtime.clock }), {
        ...(options.saveIntervalMs !== undefined ? { delayMs: options.saveIntervalMs } : {}),
        onProblem: (line) => console.error(line),
        // No `holds`: the clock may have moved the loaded state on already, so the file is written
        // whole once at start-up (folding in any journal) and what it holds is then known exactly.
        ...(options.journalFromBytes !== undefined ? { journalFromBytes: options.journalFromBytes } : {}),
      })
    : undefined
  if (saver && stateFile) {
    // Created (or rewritten in the current shape) before the first request.
    await saver.save()
    if (saver.problem) throw new Error(saver.problem)
    if (!loaded) log(`Created ${stateFile} from scenario ${options.scenario ?? 'demo'}, seed ${options.seed ?? DEFAULT_SEED}.`)
    else if (loaded.migratedFrom) {
      const held = loaded.migratedFrom === 'exported-state' ? 'an exported state' : 'a browser snapshot'
      log(`Rewrote ${stateFile} as a current state file (it held ${held}).`)
    } else if (loaded.journal) {
      const torn = loaded.journal.tornTail ? ', leaving out an incomplete last one (a save cut short)' : ''
      log(`Folded ${loaded.journal.entries} journal entries into ${stateFile}${torn}.`)
    }
  }
  let savedNow = runtime.engine.now
  const unsubscribe = [runtime.onChange(() => saver?.changed()), runtime.onClockChange(() => saver?.changed())]
  let ticks = 0
  const ticker = setInterval(() => {
    runtime.sync()
    if (saver && ++ticks % Math.round(TIME_SAVE_MS / TICK_MS) === 0 && runtime.engine.now !== savedNow) {
      savedNow = runtime.engine.now
      saver.changed()
    }
  }, TICK_MS)

  const status = (): SimStatus => ({
    host: 'server',
    restored,
    saved: saver?.saved ?? false,
    ...(stateFile ? { stateFile } : {}),
    ...(saver?.problem ? { storageProblem: saver.problem } : {}),
  })
  const handlers = createHandlers(runtime, { before: [http.get('/__sim/status', () => HttpResponse.json(status()))] })
  const answerApi = handlerListener(handlers)
  const allowed = accessCheck(key)

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!allowed(req, res)) return
    if (serveStatic && !isBackendPath(req.url)) serveStatic(req, res)
    else void answerApi(req, res)
  })
  // Event streams stay open for hours: no request or idle timeout may cut them.
  server.requestTimeout = 0
  server.headersTimeout = 60_000
  server.keepAliveTimeout = 5_000

  const port = await new Promise<number>((resolvePort, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject)
      resolvePort((server.address() as AddressInfo).port)
    })
  }).catch((error: unknown) => {
    clearInterval(ticker)
    for (const stop of unsubscribe) stop()
    saver?.stop()
    throw error
  })

  let closing: Promise<void> | undefined
  return {
    url: urlOf(host, port),
    runtime,
    server,
    status,
    close: () => {
      closing ??= (async () => {
        clearInterval(ticker)
        for (const stop of unsubscribe) stop()
        await new Promise<void>((done) => {
          server.close(() => done())
          server.closeAllConnections()
        })
        if (saver) {
          runtime.sync()
          saver.changed()
          await saver.save()
          saver.stop()
        }
      })()
      return closing
    },
  }
}
