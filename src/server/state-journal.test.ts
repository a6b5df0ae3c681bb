// @vitest-environment node
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../engine/actors'
import { Engine } from '../engine/engine'
import { seedHistory, startExecution } from '../engine/executions'
import { readStateFile, StateFileSaver, stateFileText } from './state-file'
import { SavePlanner } from './state-journal'

const dir = mkdtempSync(join(tmpdir(), 'state-journal-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const newFile = () => join(dir, `state-${++files}.json`)
const CLOCK = { speed: 60, paused: false }

/** The demo with `extra` executions of history, and a saver journaling every save after the first. */
async function savedEngine(extra = 300, journalFromBytes = 0) {
  const engine = Engine.create('demo', 1)
  if (extra > 0) engine.mutate(() => seedHistory(engine.ctx, engine.state.programs[0]!.id, extra))
  const file = newFile()
  const saver = new StateFileSaver(file, () => ({ state: engine.state, clock: CLOCK }), { journalFromBytes })
  saver.changed()
  await saver.save()
  return { engine, file, saver }
}

/** Starts every idle pipeline it can and lets 40 virtual minutes pass: executions start, run and end. */
function busyMinutes(engine: Engine): void {
  for (const pipeline of engine.state.pipelines) {
    try {
      engine.mutate(() => startExecution(engine.ctx, SYSTEM_ACTOR, pipeline.programId, pipeline.id, { mode: 'NORMAL' }))
    } catch {
      // Busy, or not startable now: the run goes on without it.
    }
  }
  engine.advanceBy(40 * 60_000)
}

const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n')
const loadedState = async (file: string) => JSON.parse(JSON.stringify((await readStateFile(file))!.state)) as unknown

describe('the state file journal', () => {
  it('appends what changed and loads back exactly the state the engine holds', async () => {
    const { engine, file, saver } = await savedEngine(3_000)
    for (let i = 0; i < 12; i++) {
      busyMinutes(engine)
      saver.changed()
      await saver.save()
      expect(saver.lastSaveKind).toBe('append')
    }
    expect(lines(file)).toHaveLength(13)
    expect(await loadedState(file)).toEqual(JSON.parse(engine.exportState()))
    const loaded = await readStateFile(file)
    expect(loaded?.journal).toEqual({ entries: 12, tornTail: false })
  })

  it('writes again only the executions that are new or were still running', async () => {
    const { engine, file, saver } = await savedEngine()
    const before = engine.state.executions.length
    busyMinutes(engine)
    saver.changed()
    await saver.save()
    const entry = JSON.parse(lines(file).at(-1)!) as { executions: { id: string }[]; newExecutionIds: string[] }
    expect(entry.newExecutionIds.length).toBe(engine.state.executions.length - before)
    expect(entry.executions.length).toBeLessThan(20)
    expect(entry.executions.length).toBeGreaterThanOrEqual(entry.newExecutionIds.length)
  })

  it('appends the executions that started while the whole file was being written', async () => {
    const engine = Engine.create('demo', 1)
    const file = newFile()
    const planner = new SavePlanner(stateFileText, 0)
    const whole = planner.plan(engine.state, CLOCK)
    expect(whole.kind).toBe('whole')
    writeFileSync(file, whole.text)
    // The engine moves on between making the text and the write being done.
    busyMinutes(engine)
    whole.written()
    const append = planner.plan(engine.state, CLOCK)
    expect(append.kind).toBe('append')
    appendFileSync(file, append.text)
    expect(await loadedState(file)).toEqual(JSON.parse(engine.exportState()))
  })

  it('leaves out an incomplete last line (a save cut short) and says so', async () => {
    const { engine, file, saver } = await savedEngine()
    busyMinutes(engine)
    saver.changed()
    await saver.save()
    const complete = await loadedState(file)
    appendFileSync(file, '{"pipelineConsoleJournal":1,"savedAt":"2026-12-02T10:00:00.000Z","clock":{"spe')
    expect(await loadedState(file)).toEqual(complete)
    expect((await readStateFile(file))?.journal).toEqual({ entries: 1, tornTail: true })
  })

  it('refuses the whole file when a line before the last does not read, naming the line', async () => {
    const { engine, file, saver } = await savedEngine()
    for (let i = 0; i < 2; i++) {
      busyMinutes(engine)
      saver.changed()
      await saver.save()
    }
    const [first, , last] = lines(file)
    writeFileSync(file, `${first}\n{"pipelineConsoleJournal":1,"broken\n${last}\n`)
    await expect(readStateFile(file)).rejects.toThrow(/journal line 2 is not a journal entry/)
  })

  it('refuses an entry that changes an execution the file does not have', async () => {
    const { engine, file, saver } = await savedEngine()
    busyMinutes(engine)
    saver.changed()
    await saver.save()
    const [first, entry] = lines(file)
    const parsed = JSON.parse(entry!) as { executions: { id: string }[]; newExecutionIds: string[] }
    parsed.newExecutionIds = []
    writeFileSync(file, `${first}\n${JSON.stringify(parsed)}\n`)
    await expect(readStateFile(file)).rejects.toThrow(/does not exist/)
  })

  it('rewrites the whole file below the size where journaling starts, so a small file stays one JSON document', async () => {
    const { engine, file, saver } = await savedEngine(0, 8 * 1024 * 1024)
    busyMinutes(engine)
    saver.changed()
    await saver.save()
    expect(saver.lastSaveKind).toBe('whole')
    expect(lines(file)).toHaveLength(1)
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow()
  })

  it('rewrites the whole file when executions are reordered, the engine is replaced or the journal grows as large as the state', () => {
    const engine = Engine.create('demo', 1)
    const planner = new SavePlanner(stateFileText, 0)
    const first = planner.plan(engine.state, CLOCK)
    expect(first.kind).toBe('whole')
    first.written()
    busyMinutes(engine)
    const append = planner.plan(engine.state, CLOCK)
    expect(append.kind).toBe('append')
    append.written()
    // History is added before the existing executions: not an append.
    engine.mutate(() => seedHistory(engine.ctx, engine.state.programs[0]!.id, 5))
    const reordered = planner.plan(engine.state, CLOCK)
    expect(reordered.kind).toBe('whole')
    reordered.written()
    // A reset or an import replaces the engine's state.
    const replaced = Engine.create('demo', 1)
    expect(planner.plan(replaced.state, CLOCK).kind).toBe('whole')
    // Entries until the journal holds half the file's size, then a whole rewrite folds them in.
    const kinds: string[] = []
    for (let i = 0; i < 200 && kinds.at(-1) !== 'whole'; i++) {
      busyMinutes(engine)
      const plan = planner.plan(engine.state, CLOCK)
      plan.written()
      kinds.push(plan.kind)
    }
    expect(kinds.at(-1)).toBe('whole')
    expect(kinds.filter((kind) => kind === 'append').length).toBeGreaterThan(2)
  })

  it('after a failed write, rewrites the whole file', () => {
    const engine = Engine.create('demo', 1)
    const planner = new SavePlanner(stateFileText, 0)
    planner.plan(engine.state, CLOCK).written()
    busyMinutes(engine)
    planner.forget()
    expect(planner.plan(engine.state, CLOCK).kind).toBe('whole')
  })
})
