/**
 * The `pipeline-console` command. `runCli(argv)` takes the arguments after the program name and
 * resolves with the exit status: 0 after `--help` or once a server stopped on SIGINT/SIGTERM,
 * 1 when it cannot start (a state file that fails validation, a port in use), 2 for a usage
 * error (an unknown option or a bad value), with one line saying why.
 *
 * The packaged bin is `process.exitCode = await runCli(process.argv.slice(2))` (src/server/main.ts);
 * it may pass `consoleDir` where it ships the built console.
 */
import { parseArgs } from 'node:util'
import { isScenarioName, SCENARIOS } from '../engine/scenarios/index'
import { MIN_KEY_LENGTH } from './access'
import { DEFAULT_HOST, DEFAULT_PORT, type ServeHandle, ServeUsageError, startServe } from './serve'
import { StateFileError } from './state-file'
import { ConsoleNotBuiltError } from './static-files'

export const ACCESS_KEY_ENV = 'PIPELINE_CONSOLE_ACCESS_KEY'
/** The simulator's own limits (src/sim/http/handlers/sim.ts). */
const MAX_SPEED = 31_536_000
const MAX_SEED = 2 ** 32 - 1

export const USAGE = `Usage: pipeline-console serve [options]

Serves the console and its simulated Cloud Manager API (/api/*, /__sim/*) on one origin, one
backend and one clock for every browser that opens it.

Options:
  --port N            port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS      address to listen on (default ${DEFAULT_HOST}); any address that is not
                      loopback needs an access key
  --scenario NAME     scenario to start from: ${Object.keys(SCENARIOS).join(', ')} (default demo)
  --seed N            seed of the scenario, an integer from 0 to ${MAX_SEED} (default 1)
  --speed N           virtual milliseconds per real millisecond (default 60: a minute a second)
  --paused            start with the clock paused
  --state-file PATH   keep the state in this JSON file: created from --scenario and --seed when
                      missing, loaded when present (then --scenario and --seed are ignored);
                      every change is written within a second
  --access-key KEY    every request must carry this key (header X-Console-Key, or open
                      /?key=KEY once in the browser); default: $${ACCESS_KEY_ENV}
  -h, --help          show this help
`

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  scenario: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  paused: { type: 'boolean' },
  'state-file': { type: 'string' },
  'access-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

export interface CliIo {
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  /** Where the built console is; the package's `dist/` unless given. */
  consoleDir?: string | null
  /** See ServeOptions.journalFromBytes (tests journal every save with 0). */
  journalFromBytes?: number
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  stopSignal?: (server: ServeHandle) => Promise<void>
  /** Called once the server answers (tests). */
  onListening?: (server: ServeHandle) => void
}

class UsageError extends Error {}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${text}").`)
  }
  return value
}

/** parseArgs' messages run to several sentences; the reason fits on one line. */
function parseError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string }
  const option = /'(-[^' ]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option ?? message}.`)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(
      /argument missing/.test(message) ? `${option ?? 'an option'} needs a value.` : `${option ?? 'an option'} takes no value.`,
    )
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(message.split('\n')[0] ?? message)
  return new UsageError(message.split('\n')[0] ?? message)
}

function defaultStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = {}): Promise<number> {
  const out = io.stdout ?? ((text: string) => void process.stdout.write(text))
  const err = io.stderr ?? ((text: string) => void process.stderr.write(text))
  const fail = (reason: string, status: number) => {
    err(`pipeline-console: ${reason}\n`)
    return status
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    return fail(`${parseError(error).message} See pipeline-console serve --help.`, 2)
  }
  const { values, positionals } = parsed
  if (values.help) {
    out(USAGE)
    return 0
  }
  const [command, ...rest] = positionals
  if (command !== 'serve') {
    return fail(
      command ? `unknown command "${command}"; the command is serve (see --help).` : 'missing command: serve (see --help).',
      2,
    )
  }
  if (rest.length > 0) return fail(`unexpected argument "${rest[0]}" (see --help).`, 2)

  let handle: ServeHandle
  try {
    const scenario = values.scenario ?? 'demo'
    if (!isScenarioName(scenario)) {
      throw new UsageError(`unknown scenario "${scenario}"; choose one of ${Object.keys(SCENARIOS).join(', ')}.`)
    }
    const speed = values.speed === undefined ? undefined : Number(values.speed)
    if (speed !== undefined && (values.speed?.trim() === '' || !Number.isFinite(speed) || speed < 0 || speed > MAX_SPEED)) {
      throw new UsageError(`--speed must be a number from 0 to ${MAX_SPEED} (got "${values.speed}").`)
    }
    const host = values.host ?? DEFAULT_HOST
    if (host.trim() === '') throw new UsageError('--host needs an address.')
    const accessKey = values['access-key'] ?? (env[ACCESS_KEY_ENV] || undefined)
    if (accessKey !== undefined && accessKey.length < MIN_KEY_LENGTH) {
      throw new UsageError(`the access key must be at least ${MIN_KEY_LENGTH} characters long.`)
    }
    if (values['state-file'] !== undefined && values['state-file'].trim() === '') {
      throw new UsageError('--state-file needs a path.')
    }
    handle = await startServe({
      port: values.port === undefined ? DEFAULT_PORT : integer('port', values.port, 0, 65_535),
      host,
      scenario,
      ...(values.seed !== undefined ? { seed: integer('seed', values.seed, 0, MAX_SEED) } : {}),
      ...(speed !== undefined ? { speed } : {}),
      ...(values.paused ? { paused: true } : {}),
      ...(values['state-file'] !== undefined ? { stateFile: values['state-file'] } : {}),
      ...(accessKey !== undefined ? { accessKey } : {}),
      ...(io.consoleDir !== undefined ? { consoleDir: io.consoleDir } : {}),
      ...(io.journalFromBytes !== undefined ? { journalFromBytes: io.journalFromBytes } : {}),
      log: (line) => out(`${line}\n`),
    })
  } catch (error) {
    if (error instanceof UsageError || error instanceof ServeUsageError) return fail(`${error.message}`, 2)
    if (error instanceof StateFileError || error instanceof ConsoleNotBuiltError) return fail(error.message, 1)
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') return fail(`the port is already in use; choose another with --port.`, 1)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      return fail(`cannot listen on --host ${values.host ?? ''}: no such address here.`, 1)
    if (code === 'EACCES') return fail('not allowed to listen on that port (ports below 1024 need privileges).', 1)
    return fail((error as Error).message, 1)
  }
  out(`Pipeline Console listening on ${handle.url}\n`)
  io.onListening?.(handle)
  await (io.stopSignal ?? defaultStop)(handle)
  await handle.close()
  return 0
}
