import { describe, expect, it } from 'vitest'
import { Engine } from './engine'
import { InvalidStateError, parseState } from './snapshot'

const roundTrip = (engine: Engine) => new Engine(parseState(JSON.parse(engine.exportState()))).exportState()

describe('engine snapshots', () => {
  it.each(['demo', 'fresh-program'] as const)('export → import → export of %s is byte-identical', (scenario) => {
    const engine = Engine.create(scenario, 42)
    expect(roundTrip(engine)).toBe(engine.exportState())
  })

  it('a scenario built twice from the same seed is the same state', () => {
    expect(Engine.create('demo', 9).exportState()).toBe(Engine.create('demo', 9).exportState())
  })

  it('different seeds give different commits', () => {
    expect(Engine.create('fresh-program', 1).exportState()).not.toBe(Engine.create('fresh-program', 2).exportState())
  })

  it('refuses something that is not a state at all, saying so', () => {
    expect(() => parseState('hello')).toThrow(InvalidStateError)
    expect(() => parseState(null)).toThrow(/\(root\)/)
  })

  it('names the path of every problem in a damaged state', () => {
    const state = JSON.parse(Engine.create('fresh-program').exportState())
    state.programs[0].name = ''
    state.environments[1].type = 'moon'
    try {
      parseState(state)
      throw new Error('expected a refusal')
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidStateError)
      const problems = (error as InvalidStateError).problems.join('\n')
      expect(problems).toMatch(/programs\.0\.name/)
      expect(problems).toMatch(/environments\.1\.type/)
    }
  })

  it('refuses unknown fields, so a typo is not silently dropped', () => {
    const state = JSON.parse(Engine.create('fresh-program').exportState())
    state.programs[0].colour = 'blue'
    expect(() => parseState(state)).toThrow(/colour/)
  })

  it('refuses references to entities that do not exist', () => {
    const state = JSON.parse(Engine.create('fresh-program').exportState())
    state.environments[0].programId = '999'
    expect(() => parseState(state)).toThrow(/unknown program 999/)
  })

  it('refuses a state whose id counter would hand out ids already in use', () => {
    const state = JSON.parse(Engine.create('fresh-program').exportState())
    state.nextId = 2
    expect(() => parseState(state)).toThrow(/nextId/)
  })

  it('refuses a state from a newer version it does not know', () => {
    const state = JSON.parse(Engine.create('fresh-program').exportState())
    state.version = 999
    expect(() => parseState(state)).toThrow(/version/)
  })
})
