/**
 * `pipeline-console/playwright`: Playwright fixtures for test suites that drive the Pipeline
 * Console. `sim` controls the simulated backend of the console open in `page`, whichever hosts
 * it (the browser, or `pipeline-console serve`); `pipelineConsoleServer` is a `webServer` entry
 * that starts `serve` for the suite.
 *
 * Every `sim` call talks to the backend through the page (its `fetch`), so it needs the page to
 * show the console. The one navigation it makes: on a blank page (a test's new `page`) the first
 * call opens the config's `baseURL`. A call the backend refuses (an unknown scenario, pipeline,
 * repository) fails with an error that names the call and the backend's reason.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  test as base,
  expect,
  type Page,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test'
import { ROLE_CHANGE_EVENT, ROLE_STORAGE_KEY } from '../contract/console-role.js'
import { type Duration, toMilliseconds } from './duration.js'
import { type Named, resolveNamed } from './names.js'
import { callBackend, ensureConsoleOpen, SimCallError, waitUntilSaved } from './page-backend.js'

export type { Duration }
export { expect, SimCallError }

/** The roles of the console's header (the API's Bearer tokens). */
export type ConsoleRole = 'business-owner' | 'deployment-manager' | 'program-manager' | 'developer'
const ROLES: readonly ConsoleRole[] = ['business-owner', 'deployment-manager', 'program-manager', 'developer']

export type ScenarioName = 'demo' | 'fresh-program' | 'coupled-pipeline' | 'split-pipelines'

export interface SimClock {
  /** Virtual time, ISO-8601. */
  now: string
  /** Virtual ms per real ms. */
  speed: number
  paused: boolean
}

export interface WaitingStep {
  programId: string
  pipelineId: string
  pipelineName: string
  executionId: string
  stepAction: string
  stepLabel: string
}

export interface AdvanceUntilWaitingResult {
  /** `waiting`: a step started waiting for a decision; `idle`: nothing runs; `limit`: the maximum passed first. */
  reason: 'waiting' | 'idle' | 'limit'
  advancedMs: number
  waiting: WaitingStep[]
  clock: SimClock
}

export type FaultAction =
  | 'validate'
  | 'build'
  | 'codeQuality'
  | 'buildImage'
  | 'deploy'
  | 'productTest'
  | 'functionalTest'
  | 'uiTest'
  | 'contentAudit'
  | 'approval'
  | 'schedule'

export type EnvironmentType = 'dev' | 'stage' | 'prod' | 'rde' | 'preprod'

export interface FaultOptions {
  /** The pipeline's name (unique across programs) or id. */
  pipeline: string
  action: FaultAction
  environmentType?: EnvironmentType
  /** FAILED by default; PAUSED pauses an AMS deploy until it is resumed or stopped. */
  status?: 'FAILED' | 'ERROR' | 'PAUSED'
  /** A code quality fault on an important (may be overridden) or critical metric. */
  metric?: 'important' | 'critical'
  /** How many matching steps fail; 1 by default. */
  count?: number
}

export interface Fault {
  id: string
  pipelineId: string
  action: string
  environmentType?: EnvironmentType
  status: 'FAILED' | 'ERROR' | 'PAUSED'
  metric?: 'important' | 'critical'
  remaining: number
}

export interface GitPushResult {
  repositoryId: string
  branch: string
  commitId: string
  /** Ids of the executions the push started. */
  started: string[]
  skipped: Array<{ pipelineId: string; reason: string }>
}

/** The backend's whole state, as `GET /__sim/state` exports it (and `PUT /__sim/state` imports it). */
export interface SimState {
  version: number
  scenario: string
  revision: number
  [key: string]: unknown
}

export interface Sim {
  /** Loads `scenario` (deterministic for a seed; 1 by default) with the clock paused. */
  reset(scenario: ScenarioName | (string & {}), options?: { seed?: number }): Promise<void>
  /** Moves the virtual clock, running everything due on the way: ms, or '90s' | '30m' | '6h' | '14d'. */
  advance(by: number | Duration): Promise<SimClock>
  /** Jumps from one due event to the next until a step waits for a decision or nothing runs (at most `max`, 30 days by default). */
  advanceUntilWaiting(options?: { max?: number | Duration }): Promise<AdvanceUntilWaitingResult>
  /** The next matching step of the pipeline (its name or id) fails. */
  fault(options: FaultOptions): Promise<Fault>
  /** A commit on `branch` of the repository (its name or id): starts the idle On Git Changes pipelines watching it. */
  gitPush(repository: string, branch: string): Promise<GitPushResult>
  /** A Cloud Manager API call as `role` (a Bearer token: a role, several comma-separated, or 'admin', the default). */
  api<T = unknown>(method: string, path: string, body?: unknown, role?: ConsoleRole | 'admin' | (string & {})): Promise<T>
  /** The console in this page acts as `role` from now on, as after choosing it in the header's role switcher. */
  asRole(role: ConsoleRole): Promise<void>
  /** The whole exported state. */
  state(): Promise<SimState>
}

const ADMIN = 'admin'

interface HalList {
  _embedded?: Record<string, Array<Record<string, unknown>>>
  _links?: { next?: { href: string } }
}

/** The sim controls for one page: what the `sim` fixture gives `page`; call it for another page of the test. */
export function createSim(page: Page): Sim {
  const call = <T>(name: string, method: string, path: string, body?: unknown, role?: string) =>
    callBackend<T>(page, name, method, path, { body, ...(role ? { role } : {}) })

  /** Every item of a HAL list, following `next` links. */
  async function listAll(name: string, path: string, rel: string): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = []
    for (let next: string | undefined = path; next; ) {
      const page: HalList = await call<HalList>(name, 'GET', next, undefined, ADMIN)
      items.push(...(page._embedded?.[rel] ?? []))
      next = page._links?.next?.href
    }
    return items
  }

  async function everyProgram(name: string, list: (programId: string) => string, rel: string, nameField: string) {
    const programs = await listAll(name, '/api/programs', 'programs')
    const found: Named[] = []
    for (const program of programs) {
      for (const item of await listAll(name, list(String(program.id)), rel)) {
        found.push({ id: String(item.id), name: String(item[nameField]), within: `program "${String(program.name)}"` })
      }
    }
    return found
  }

  /** After a change: in the browser, wait until it is stored, so that a navigation keeps it. */
  async function change<T>(name: string, method: string, path: string, body?: unknown, role?: string): Promise<T> {
    const result = await call<T>(name, method, path, body, role)
    await waitUntilSaved(page, name)
    return result
  }

  return {
    async reset(scenario, { seed = 1 } = {}) {
      const name = `sim.reset(${JSON.stringify(scenario)})`
      // Paused first, so that no virtual time passes between the reset and the pause.
      await call(name, 'PUT', '/__sim/clock', { paused: true })
      await change(name, 'POST', '/__sim/reset', { scenario, seed })
    },
    async advance(by) {
      const name = `sim.advance(${JSON.stringify(by)})`
      const ms = toMilliseconds(by, name)
      return change<SimClock>(name, 'POST', '/__sim/clock/advance', { ms })
    },
    async advanceUntilWaiting({ max } = {}) {
      const name = 'sim.advanceUntilWaiting()'
      const body = max === undefined ? {} : { maxMs: toMilliseconds(max, name) }
      return change<AdvanceUntilWaitingResult>(name, 'POST', '/__sim/clock/advance-until-waiting', body)
    },
    async fault({ pipeline, status = 'FAILED', ...rest }) {
      const name = `sim.fault({ pipeline: ${JSON.stringify(pipeline)} })`
      const pipelines = await everyProgram(name, (id) => `/api/program/${id}/pipelines`, 'pipelines', 'name')
      const { id } = resolveNamed('pipeline', pipeline, pipelines, name)
      return change<Fault>(name, 'POST', '/__sim/faults', { pipelineId: id, status, ...rest })
    },
    async gitPush(repository, branch) {
      const name = `sim.gitPush(${JSON.stringify(repository)}, ${JSON.stringify(branch)})`
      const repositories = await everyProgram(name, (id) => `/api/program/${id}/repositories`, 'repositories', 'repo')
      const { id } = resolveNamed('repository', repository, repositories, name)
      return change<GitPushResult>(name, 'POST', '/__sim/git/push', { repositoryId: id, branch })
    },
    async api(method, path, body, role = ADMIN) {
      const name = `sim.api(${JSON.stringify(method)}, ${JSON.stringify(path)})`
      const upper = method.toUpperCase()
      return upper === 'GET' || upper === 'HEAD' ? call(name, upper, path, body, role) : change(name, upper, path, body, role)
    },
    async asRole(role) {
      const name = `sim.asRole(${JSON.stringify(role)})`
      if (!ROLES.includes(role)) throw new Error(`${name}: unknown role. Roles: ${ROLES.join(', ')}.`)
      await ensureConsoleOpen(page, name)
      await page.evaluate(
        ({ key, event, role }) => {
          localStorage.setItem(key, role)
          window.dispatchEvent(new CustomEvent(event, { detail: role }))
        },
        { key: ROLE_STORAGE_KEY, event: ROLE_CHANGE_EVENT, role },
      )
    },
    async state() {
      return call<SimState>('sim.state()', 'GET', '/__sim/state')
    },
  }
}

/** Playwright's `test` with the `sim` fixture. */
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & { sim: Sim },
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<{ sim: Sim }>({
  sim: async ({ page }, use) => {
    await use(createSim(page))
  },
})

export interface PipelineConsoleServerOptions {
  port: number
  /** 127.0.0.1 by default. */
  host?: string
  /** Scenario and seed to start with (the tests usually `sim.reset` anyway). */
  scenario?: ScenarioName | (string & {})
  seed?: number
  /** Start with the clock paused (true by default, so that nothing moves before a test says so). */
  paused?: boolean
  /** More `serve` options, e.g. `['--state-file', 'state.json']`. */
  args?: string[]
  /** Use a console already listening on the port instead of starting one (false by default). */
  reuseExistingServer?: boolean
  /** How long to wait for it to answer; 60 s by default. */
  timeout?: number
  env?: Record<string, string>
}

/**
 * The `pipeline-console` bin of this package, by absolute path (a suite's shell has no
 * node_modules/.bin on its PATH): the `bin` of the package.json found above this module.
 */
function pipelineConsoleBin(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const { name, bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; bin?: Record<string, string> }
      if (name === 'pipeline-console' && bin?.['pipeline-console']) return join(dir, bin['pipeline-console'])
    }
    if (dirname(dir) === dir)
      throw new Error('pipelineConsoleServer: the pipeline-console package (its package.json) was not found.')
  }
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`)

/** A Playwright `webServer` entry running `pipeline-console serve --port <port> --paused`. Set `use.baseURL` to its `url`. */
export function pipelineConsoleServer(options: PipelineConsoleServerOptions) {
  const host = options.host ?? '127.0.0.1'
  const args = ['serve', '--port', String(options.port), '--host', host]
  if (options.scenario !== undefined) args.push('--scenario', options.scenario)
  if (options.seed !== undefined) args.push('--seed', String(options.seed))
  if (options.paused ?? true) args.push('--paused')
  args.push(...(options.args ?? []))
  return {
    command: [process.execPath, pipelineConsoleBin(), ...args].map(quote).join(' '),
    url: `http://${host.includes(':') ? `[${host}]` : host}:${options.port}/`,
    reuseExistingServer: options.reuseExistingServer ?? false,
    timeout: options.timeout ?? 60_000,
    ...(options.env ? { env: options.env } : {}),
  }
}
