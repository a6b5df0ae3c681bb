// @vitest-environment node
/**
 * `--state-file`: created when missing, loaded when present (scenario and seed ignored, and said
 * so), validated whole, never written over when invalid, older shapes rewritten, every change
 * on disk within a second, and a folder that cannot be written named as the problem.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Engine } from '../engine/engine'
import { runCli } from './cli'
import { startServe } from './serve'
import { readStateFile, STATE_FILE_FORMAT, stateFileText, writeFileAtomic } from './state-file'

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'state-file-'))
  file = join(dir, 'team.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function cli(argv: string[], whileRunning: (url: string) => Promise<void> = async () => {}) {
  let out = ''
  let err = ''
  const status = await runCli(
    ['serve', '--port', '0', '--paused', ...argv],
    {},
    {
      consoleDir: null,
      stdout: (t) => {
        out += t
      },
      stderr: (t) => {
        err += t
      },
      stopSignal: (h) => whileRunning(h.url),
    },
  )
  return { status, out, err }
}

const fileJson = () =>
  JSON.parse(readFileSync(file, 'utf8')) as {
    pipelineConsoleStateFile: number
    state: { scenario: string; random: { seed: number }; executions: { id: string; status: string }[] }
  }

/** The state file exactly as it is refused: its bytes must not change. */
async function expectRefusedUntouched(content: string, problem: RegExp): Promise<void> {
  writeFileSync(file, content)
  const result = await cli(['--state-file', file])
  expect(result.status).toBe(1)
  expect(result.out).not.toContain('listening')
  expect(result.err).toContain(`The state file ${file} cannot be used:`)
  expect(result.err).toMatch(problem)
  expect(result.err).toContain('To start afresh, move the file away (or pass another --state-file)')
  expect(readFileSync(file, 'utf8')).toBe(content)
  expect(readdirSync(dir)).toEqual(['team.json'])
}

describe('a missing state file', () => {
  it('is created from --scenario and --seed before the server answers, in a folder created for it', async () => {
    file = join(dir, 'new', 'folder', 'team.json')
    const result = await cli(['--state-file', file, '--scenario', 'split-pipelines', '--seed', '9'], async (url) => {
      expect(existsSync(file)).toBe(true)
      const status = await (await fetch(`${url}/__sim/status`)).json()
      expect(status).toEqual({ host: 'server', restored: false, saved: true, stateFile: file })
    })
    expect(result.status).toBe(0)
    expect(result.out).toContain(`Created ${file} from scenario split-pipelines, seed 9.`)
    const saved = fileJson()
    expect(saved.pipelineConsoleStateFile).toBe(STATE_FILE_FORMAT)
    expect(saved.state.scenario).toBe('split-pipelines')
    expect(saved.state.random.seed).toBe(9)
  })
})

describe('an existing state file', () => {
  it('is loaded instead of the scenario, which the server says it ignores, in one line', async () => {
    await cli(['--state-file', file, '--scenario', 'split-pipelines'])
    const result = await cli(['--state-file', file, '--scenario', 'fresh-program', '--seed', '3'], async (url) => {
      const status = (await (await fetch(`${url}/__sim/status`)).json()) as { restored: boolean }
      expect(status.restored).toBe(true)
      const programs = (await (await fetch(`${url}/api/programs`, { headers: { Authorization: 'Bearer admin' } })).json()) as {
        _totalNumberOfItems: number
      }
      expect(programs._totalNumberOfItems).toBe(1)
    })
    expect(result.status).toBe(0)
    const lines = result.out.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      new RegExp(`^Restored the state from ${file} \\(\\d+ executions\\); --scenario and --seed are ignored`),
    )
    expect(fileJson().state.scenario).toBe('split-pipelines')
  })

  it('keeps every change, written within one second of it', async () => {
    const server = await startServe({ port: 0, consoleDir: null, paused: true, scenario: 'split-pipelines', stateFile: file })
    try {
      const started = await fetch(`${server.url}/api/program/1/pipeline/20/execution`, {
        method: 'PUT',
        headers: { Authorization: 'Bearer deployment-manager' },
      })
      expect(started.status).toBe(201)
      const { id } = (await started.json()) as { id: string }
      const changedAt = Date.now()
      while (!fileJson().state.executions.some((e) => e.id === id)) {
        expect(Date.now() - changedAt, 'the change reached the file').toBeLessThan(1_000)
        await new Promise((r) => setTimeout(r, 20))
      }
      await expect
        .poll(async () => ((await (await fetch(`${server.url}/__sim/status`)).json()) as { saved: boolean }).saved)
        .toBe(true)
    } finally {
      await server.close()
    }
    // What was saved is what the next server starts from.
    const next = await startServe({ port: 0, consoleDir: null, stateFile: file })
    try {
      expect(next.runtime.engine.state.executions.filter((e) => e.pipelineId === '20').length).toBeGreaterThan(2)
      expect(next.runtime.clock.paused).toBe(true)
    } finally {
      await next.close()
    }
  })

  it('in an older shape (an exported state, or the browser’s snapshot record) is loaded and rewritten as a current state file', async () => {
    const exported = Engine.create('coupled-pipeline', 4).exportState()
    for (const older of [
      exported,
      JSON.stringify({ savedAt: '2026-11-30T10:00:00.000Z', state: exported, clock: { speed: 5, paused: true } }),
    ]) {
      writeFileSync(file, older)
      const result = await cli(['--state-file', file])
      expect(result.status).toBe(0)
      expect(result.out).toMatch(/Rewrote .* as a current state file/)
      const saved = fileJson()
      expect(saved.pipelineConsoleStateFile).toBe(STATE_FILE_FORMAT)
      expect(JSON.stringify(saved.state)).toBe(exported)
    }
  })
})

describe('a state file that fails validation is never written over: exit 1, the file and the problem named', () => {
  it('not JSON', async () => {
    await expectRefusedUntouched('{"pipelineConsoleStateFile": 1, "state": {', /it is not JSON/)
  })
  it('a state the engine refuses', async () => {
    const state = JSON.parse(Engine.create('split-pipelines', 1).exportState()) as { executions: { pipelineId: string }[] }
    state.executions[0]!.pipelineId = '999'
    const text = stateFileText(JSON.stringify(state), { speed: 60, paused: false })
    await expectRefusedUntouched(text, /This is not a valid simulator state: .*execution \d+ belongs to unknown pipeline 999/)
  })
  it('a state of a newer engine version', async () => {
    const state = JSON.parse(Engine.create('fresh-program', 1).exportState()) as { version: number }
    state.version = 999
    await expectRefusedUntouched(stateFileText(JSON.stringify(state), { speed: 60, paused: false }), /version/)
  })
  it('a newer state file format', async () => {
    await expectRefusedUntouched(
      JSON.stringify({ pipelineConsoleStateFile: 2, savedAt: 'x', state: {} }),
      /written by a newer Pipeline Console/,
    )
  })
  it('an empty file', async () => {
    await expectRefusedUntouched('', /it is not JSON/)
  })
})

describe('a folder the state file cannot be written to', () => {
  it('is named, with what to do, and nothing starts', async () => {
    // Root ignores permission bits, so as root the test uses /sys, which nobody may write.
    const readOnly = process.getuid?.() === 0 ? '/sys' : join(dir, 'read-only')
    if (readOnly !== '/sys') {
      mkdirSync(readOnly)
      chmodSync(readOnly, 0o555)
    }
    const target = join(readOnly, 'team.json')
    const result = await cli(['--state-file', target])
    expect(result.status).toBe(1)
    expect(result.err.trimEnd().split('\n')).toHaveLength(1)
    expect(result.err).toContain(
      `The state file ${target} cannot be used: its folder is not writable by this user (${readOnly}).`,
    )
    expect(result.err).toContain('Choose a --state-file in a folder you can write to')
    expect(existsSync(target)).toBe(false)
  })
})

describe('writing', () => {
  it('replaces the file whole and leaves no temporary file; one a killed server left is removed at the next start', async () => {
    writeFileSync(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(readFileSync(file, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['team.json'])
    rmSync(file)
    expect((await cli(['--state-file', file, '--scenario', 'fresh-program'])).status).toBe(0)
    writeFileSync(join(dir, '.team.json.1234.abcdef.tmp'), '{"half": ')
    const result = await cli(['--state-file', file])
    expect(result.status).toBe(0)
    expect(readdirSync(dir)).toEqual(['team.json'])
    expect(await readStateFile(file)).toBeDefined()
  })
})
