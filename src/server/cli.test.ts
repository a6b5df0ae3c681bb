// @vitest-environment node
/**
 * `pipeline-console serve`'s options: help, usage errors (status 2, one line), and a server that
 * starts, says where it listens, and stops with status 0.
 */
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { runCli, USAGE } from './cli'
import type { ServeHandle } from './serve'

interface Run {
  status: number
  out: string
  err: string
  /** Set when the server started: what it answered before it was stopped. */
  handle?: ServeHandle
}

/** Runs the CLI; a server it starts is stopped at once (after `whileRunning`). */
async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  whileRunning: (handle: ServeHandle) => Promise<void> = async () => {},
): Promise<Run> {
  let out = ''
  let err = ''
  let handle: ServeHandle | undefined
  const status = await runCli(argv, env, {
    consoleDir: null,
    stdout: (text) => {
      out += text
    },
    stderr: (text) => {
      err += text
    },
    stopSignal: async (h) => {
      handle = h
      await whileRunning(h)
    },
  })
  return { status, out, err, ...(handle ? { handle } : {}) }
}

/** One line on stderr that starts with the program's name. */
function expectOneLineReason(result: Run, pattern: RegExp): void {
  expect(result.status).toBe(2)
  expect(result.out).toBe('')
  expect(result.err.trimEnd().split('\n')).toHaveLength(1)
  expect(result.err).toMatch(/^pipeline-console: /)
  expect(result.err).toMatch(pattern)
  expect(result.handle).toBeUndefined()
}

describe('pipeline-console serve --help', () => {
  it('lists every option and exits 0', async () => {
    for (const argv of [['--help'], ['serve', '--help'], ['serve', '-h']]) {
      const result = await run(argv)
      expect(result.status).toBe(0)
      expect(result.out).toBe(USAGE)
    }
    for (const option of [
      '--port',
      '--host',
      '--scenario',
      '--seed',
      '--speed',
      '--paused',
      '--state-file',
      '--access-key',
      '--help',
    ]) {
      expect(USAGE).toMatch(new RegExp(`^  (-\\w, )?${option}\\b`, 'm'))
    }
    for (const scenario of ['demo', 'fresh-program', 'coupled-pipeline', 'split-pipelines']) expect(USAGE).toContain(scenario)
    expect(USAGE).toContain('PIPELINE_CONSOLE_ACCESS_KEY')
  })
})

describe('usage errors: status 2 and the reason in one line', () => {
  it.each([
    [['serve', '--prot', '80'], /unknown option --prot/],
    [['serve', '--verbose'], /unknown option --verbose/],
    [['serve', '-x'], /unknown option -x/],
    [['serve', '--port'], /--port needs a value/],
    [['serve', '--port', 'abc'], /--port must be an integer from 0 to 65535 \(got "abc"\)/],
    [['serve', '--port', '65536'], /--port must be an integer from 0 to 65535/],
    [['serve', '--port', '-1'], /--port/],
    [['serve', '--port', '80.5'], /--port must be an integer/],
    [['serve', '--seed', '1.5'], /--seed must be an integer from 0 to 4294967295/],
    [['serve', '--seed', '4294967296'], /--seed must be an integer/],
    [['serve', '--speed', 'fast'], /--speed must be a number from 0 to/],
    [['serve', '--speed', '-2'], /--speed/],
    [['serve', '--speed', ''], /--speed/],
    [['serve', '--scenario', 'nope'], /unknown scenario "nope"; choose one of demo, /],
    [['serve', '--paused=yes'], /--paused takes no value/],
    [['serve', '--state-file', ''], /--state-file needs a path/],
    [['serve', '--access-key', 'short'], /at least 8 characters/],
    [['serve', 'now'], /unexpected argument "now"/],
    [['start'], /unknown command "start"/],
    [[], /missing command: serve/],
  ])('%j', async (argv, reason) => {
    expectOneLineReason(await run(argv), reason)
  })

  it('refuses a non-loopback --host without an access key, naming both ways to give one', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      const result = await run(['serve', '--host', host, '--port', '0'])
      expectOneLineReason(result, /access key is required: pass --access-key KEY or set PIPELINE_CONSOLE_ACCESS_KEY/)
    }
    // A short key from the environment is refused like one on the command line.
    expectOneLineReason(await run(['serve', '--host', '0.0.0.0'], { PIPELINE_CONSOLE_ACCESS_KEY: 'abc' }), /at least 8/)
  })
})

describe('a server that starts', () => {
  it('prints where it listens once it answers, and exits 0 when stopped', async () => {
    const result = await run(
      ['serve', '--port', '0', '--scenario', 'fresh-program', '--seed', '7', '--paused'],
      {},
      async (h) => {
        const clock = (await (await fetch(`${h.url}/__sim/clock`)).json()) as { paused: boolean }
        expect(clock.paused).toBe(true)
        expect(h.runtime.engine.state.scenario).toBe('fresh-program')
        expect(h.runtime.engine.state.random.seed).toBe(7)
      },
    )
    expect(result.status).toBe(0)
    expect(result.out).toMatch(/^Pipeline Console listening on http:\/\/127\.0\.0\.1:\d+\n$/)
    expect(result.out).toContain(result.handle!.url)
  })

  it('takes the access key from PIPELINE_CONSOLE_ACCESS_KEY', async () => {
    await run(['serve', '--port', '0'], { PIPELINE_CONSOLE_ACCESS_KEY: 'from-the-environment' }, async (h) => {
      expect((await fetch(`${h.url}/__sim/clock`)).status).toBe(401)
      expect((await fetch(`${h.url}/__sim/clock`, { headers: { 'X-Console-Key': 'from-the-environment' } })).status).toBe(200)
    })
  })

  it('exits 1 with one line when the port is in use', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = await run(['serve', '--port', String(port)])
      expect(result.status).toBe(1)
      expect(result.err).toMatch(/^pipeline-console: the port is already in use; choose another with --port\.\n$/)
    } finally {
      blocker.close()
    }
  })
})
