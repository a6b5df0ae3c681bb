import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Engine } from './engine'
import { DomainError } from './errors'
import type { Actor, Environment, Pipeline, Role, Variable } from './model'
import { InvalidStateError, parseState } from './snapshot'
import { refusal } from './executions/fixtures'
import {
  applyVariableUpdates,
  canEditEnvironmentVariables,
  type EnvironmentHold,
  fingerprint,
  MAX_SECRET_LENGTH,
  MAX_VALUE_LENGTH,
  MAX_VARIABLES,
  patchEnvironmentVariables,
  patchPipelineVariables,
  type VariableUpdate,
} from './variables'

const as = (...roles: Role[]): Actor => ({ roles, userId: `${roles.join('+')}@AdobeID` })
const DM = as('deployment-manager')
const BO = as('business-owner')
const PM = as('program-manager')
const DEV = as('developer')

function fresh() {
  const engine = Engine.create('fresh-program')
  const program = engine.listPrograms()[0]!
  const env = (name: string) => engine.environments(program.id).find((e) => e.name === name) as Environment
  const repo = engine.repositories(program.id)[0]!
  const pipeline = engine.createPipeline(as('deployment-manager'), program.id, {
    name: 'Dev Deploy',
    category: 'nonProduction',
    nonProdKind: 'deployment',
    repositoryId: repo.id,
    branch: 'main',
    environmentIds: [env('fresh-dev').id],
  })
  return { engine, program, env, stage: env('fresh-stage'), pipeline }
}

const fieldsOf = (error: DomainError) => error.fieldErrors.map((e) => e.field)
const noLock = () => undefined

function patchEnv(engine: Engine, env: Environment, updates: VariableUpdate[], actor: Actor = DM, lock?: EnvironmentHold) {
  return patchEnvironmentVariables(engine.ctx, actor, env.programId, env.id, updates, () => lock)
}

const validName = fc
  .tuple(
    fc.constantFrom(...'abcXYZ_'.split('')),
    fc.array(fc.constantFrom(...'aZ_09q'.split('')), { minLength: 1, maxLength: 99 }),
  )
  .map(([first, rest]) => first + rest.join(''))

describe('environment variables', () => {
  it('stores a new string variable with its value, for all services when none is named', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'API_URL', value: 'https://example.com' }])
    expect(stage.variables).toEqual([
      { name: 'API_URL', type: 'string', value: 'https://example.com', status: 'ready', updatedAt: engine.now },
    ])
  })

  it('keeps only the length and a fingerprint of a secret, never its value', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'TOKEN', value: 'hunter2-very-secret', type: 'secretString', service: 'author' }])
    const [secret] = stage.variables
    expect(secret).toMatchObject({ name: 'TOKEN', type: 'secretString', service: 'author' })
    expect(secret).not.toHaveProperty('value')
    expect(secret?.secret).toEqual({ length: 19, fingerprint: fingerprint('hunter2-very-secret') })
    expect(engine.exportState()).not.toContain('hunter2-very-secret')
  })

  it('replaces the value of an existing variable with the same name and service', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'MODE', value: 'one' }])
    engine.advanceBy(1000)
    patchEnv(engine, stage, [{ name: 'MODE', value: 'two' }])
    expect(stage.variables).toEqual([{ name: 'MODE', type: 'string', value: 'two', status: 'ready', updatedAt: engine.now }])
  })

  it('treats the same name for different services as different variables', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [
      { name: 'MODE', value: 'all' },
      { name: 'MODE', value: 'authoring', service: 'author' },
      { name: 'MODE', value: 'publishing', service: 'publish' },
    ])
    patchEnv(engine, stage, [{ name: 'MODE', value: '', service: 'author' }])
    expect(stage.variables.map((v) => [v.name, v.service, v.value])).toEqual([
      ['MODE', undefined, 'all'],
      ['MODE', 'publish', 'publishing'],
    ])
  })

  it('deletes a variable when it is sent with an empty value', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [
      { name: 'A_VAR', value: 'a' },
      { name: 'B_VAR', value: 'b' },
    ])
    patchEnv(engine, stage, [{ name: 'A_VAR', value: '' }])
    expect(stage.variables.map((v) => v.name)).toEqual(['B_VAR'])
  })

  it('accepts deleting a variable that does not exist, and changes nothing', () => {
    const { engine, stage } = fresh()
    const revision = engine.revision
    patchEnv(engine, stage, [{ name: 'NEVER_SET', value: '' }])
    expect(stage.variables).toEqual([])
    expect(engine.revision).toBe(revision)
  })

  it('keeps the type of an existing variable when an update names none, so a secret stays secret', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'TOKEN', value: 'first', type: 'secretString' }])
    patchEnv(engine, stage, [{ name: 'TOKEN', value: 'second' }])
    expect(stage.variables[0]).toMatchObject({ type: 'secretString', secret: { length: 6, fingerprint: fingerprint('second') } })
    expect(stage.variables[0]).not.toHaveProperty('value')
  })

  it('refuses to change the type of an existing variable', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'TOKEN', value: 'plain' }])
    const error = refusal(() => patchEnv(engine, stage, [{ name: 'TOKEN', value: 'now-secret', type: 'secretString' }]))
    expect(error.kind).toBe('invalid')
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({
        field: '[0].type',
        message: expect.stringMatching(/cannot change.*delete the variable and create it again/),
      }),
    ])
    expect(stage.variables[0]).toMatchObject({ type: 'string', value: 'plain' })
  })

  it('lets one request delete a variable and recreate it with another type', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'TOKEN', value: 'plain' }])
    patchEnv(engine, stage, [
      { name: 'TOKEN', value: '' },
      { name: 'TOKEN', value: 'now-secret', type: 'secretString' },
    ])
    expect(stage.variables).toHaveLength(1)
    expect(stage.variables[0]).toMatchObject({ name: 'TOKEN', type: 'secretString' })
  })

  it('accepts names of 2 to 100 letters, digits and underscores not starting with a digit', () => {
    fc.assert(
      fc.property(validName, (name) => {
        const result = applyVariableUpdates([], [{ name, value: 'x' }], 'environment', 0)
        expect(result.ok).toBe(true)
      }),
    )
  })

  it('refuses names that do not match [a-zA-Z_][a-zA-Z_0-9]*, such as my-var', () => {
    const bad = fc.string({ minLength: 2, maxLength: 100 }).filter((s) => !/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(s))
    fc.assert(
      fc.property(bad, (name) => {
        const result = applyVariableUpdates([], [{ name, value: 'x' }], 'environment', 0)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['[0].name'])
      }),
    )
    const result = applyVariableUpdates([], [{ name: 'my-var', value: 'x' }], 'environment', 0)
    expect(result.ok || result.errors[0]).toMatchObject({
      field: '[0].name',
      message: expect.stringContaining('must match'),
      invalidValue: 'my-var',
    })
  })

  it('refuses names shorter than 2 or longer than 100 characters', () => {
    const lengths = (name: string) => applyVariableUpdates([], [{ name, value: 'x' }], 'environment', 0).ok
    expect(lengths('A')).toBe(false)
    expect(lengths('AB')).toBe(true)
    expect(lengths('A'.repeat(100))).toBe(true)
    expect(lengths('A'.repeat(101))).toBe(false)
    expect(lengths('')).toBe(false)
  })

  it(`accepts string values up to ${MAX_VALUE_LENGTH} characters and refuses longer ones`, () => {
    const ok = applyVariableUpdates([], [{ name: 'LONG', value: 'v'.repeat(MAX_VALUE_LENGTH) }], 'environment', 0)
    expect(ok.ok).toBe(true)
    const tooLong = applyVariableUpdates([], [{ name: 'LONG', value: 'v'.repeat(MAX_VALUE_LENGTH + 1) }], 'environment', 0)
    expect(tooLong.ok || tooLong.errors.map((e) => e.field)).toEqual(['[0].value'])
  })

  it('accepts secrets shorter than 500 characters, refuses longer ones and never repeats them in the error', () => {
    const fits = applyVariableUpdates(
      [],
      [{ name: 'SECRET', value: 'k'.repeat(MAX_SECRET_LENGTH), type: 'secretString' }],
      'environment',
      0,
    )
    expect(fits.ok).toBe(true)
    const secret = 'k'.repeat(MAX_SECRET_LENGTH + 1)
    const refused = applyVariableUpdates([], [{ name: 'SECRET', value: secret, type: 'secretString' }], 'environment', 0)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.errors).toEqual([{ field: '[0].value', message: expect.stringMatching(/shorter than 500/) }])
      expect(JSON.stringify(refused.errors)).not.toContain(secret)
    }
  })

  it('accepts the services author, publish and preview, case-sensitively', () => {
    for (const service of ['author', 'publish', 'preview']) {
      expect(applyVariableUpdates([], [{ name: 'SVC', value: 'x', service }], 'environment', 0).ok).toBe(true)
    }
    for (const service of ['Author', 'PUBLISH', 'build', '', 'dispatcher']) {
      const result = applyVariableUpdates([], [{ name: 'SVC', value: 'x', service }], 'environment', 0)
      expect(result.ok || result.errors.map((e) => e.field)).toEqual(['[0].service'])
    }
  })

  it('reports every problem of a request at once, by position, and changes nothing', () => {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'KEEP', value: 'kept' }])
    const before = engine.exportState()
    const revision = engine.revision
    const error = refusal(() =>
      patchEnv(engine, stage, [
        { name: 'GOOD', value: 'fine' },
        { name: '1bad', value: 'x', service: 'Author' },
        { name: 'KEEP', value: '' },
        { name: 'SECRET', value: 'z'.repeat(600), type: 'secretString' },
      ]),
    )
    expect(error.kind).toBe('invalid')
    expect(fieldsOf(error)).toEqual(['[1].name', '[1].service', '[3].value'])
    expect(engine.exportState()).toBe(before)
    expect(engine.revision).toBe(revision)
  })

  it(`allows ${MAX_VARIABLES} variables per environment and refuses the next one at its position`, () => {
    const { engine, stage } = fresh()
    const many = Array.from({ length: MAX_VARIABLES }, (_, i) => ({ name: `VAR_${i}`, value: String(i) }))
    patchEnv(engine, stage, many)
    expect(stage.variables).toHaveLength(MAX_VARIABLES)
    const error = refusal(() =>
      patchEnv(engine, stage, [
        { name: 'VAR_0', value: 'changed' },
        { name: 'ONE_MORE', value: 'x' },
      ]),
    )
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({ field: '[1].name', message: expect.stringMatching(/at most 200/) }),
    ])
    expect(stage.variables.find((v) => v.name === 'VAR_0')?.value).toBe('0')
  })

  it('counts deletions in the same request against the limit', () => {
    const { engine, stage } = fresh()
    patchEnv(
      engine,
      stage,
      Array.from({ length: MAX_VARIABLES }, (_, i) => ({ name: `VAR_${i}`, value: 'x' })),
    )
    patchEnv(engine, stage, [
      { name: 'NEW_ONE', value: 'x' },
      { name: 'VAR_7', value: '' },
    ])
    expect(stage.variables).toHaveLength(MAX_VARIABLES)
    expect(stage.variables.some((v) => v.name === 'NEW_ONE')).toBe(true)
  })

  it('lets only a Deployment Manager change them, naming the role it needs', () => {
    for (const actor of [BO, PM, DEV, as('business-owner', 'program-manager', 'developer')]) {
      const { engine, stage } = fresh()
      const error = refusal(() => patchEnv(engine, stage, [{ name: 'X_VAR', value: 'x' }], actor))
      expect(error.kind).toBe('forbidden')
      expect(error.message).toMatch(/Deployment Manager/)
      expect(stage.variables).toEqual([])
    }
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [{ name: 'X_VAR', value: 'x' }], as('developer', 'deployment-manager'))
    expect(stage.variables).toHaveLength(1)
  })

  it('refuses changes while a pipeline deploys to the environment, with the reason', () => {
    const { engine, stage } = fresh()
    const lock = { reason: 'Production Pipeline waits for approval before deploying.', pipelineId: '9', executionId: '42' }
    const error = refusal(() => patchEnv(engine, stage, [{ name: 'X_VAR', value: 'x' }], DM, lock))
    expect(error.kind).toBe('precondition-failed')
    expect(error.message).toMatch(/being updated by a running pipeline: Production Pipeline waits for approval/)
    expect(error.facts).toEqual({ pipelineId: '9', executionId: '42' })
    expect(stage.variables).toEqual([])
    expect(canEditEnvironmentVariables(DM, stage, lock).ok).toBe(false)
    expect(canEditEnvironmentVariables(DM, stage, undefined).ok).toBe(true)
  })

  it('asks the engine whether the environment is locked', () => {
    const { engine, stage } = fresh()
    const asked: string[] = []
    patchEnvironmentVariables(engine.ctx, DM, stage.programId, stage.id, [{ name: 'X_VAR', value: 'x' }], (id) => {
      asked.push(id)
      return undefined
    })
    expect(asked).toEqual([stage.id])
  })

  it('checks permission before the lock, so a Developer is told about the role', () => {
    const { engine, stage } = fresh()
    const error = refusal(() => patchEnv(engine, stage, [{ name: 'X_VAR', value: 'x' }], DEV, { reason: 'busy' }))
    expect(error.kind).toBe('forbidden')
  })

  it('refuses changes while the environment is not ready', () => {
    const { engine, stage } = fresh()
    stage.status = 'creating'
    const error = refusal(() => patchEnv(engine, stage, [{ name: 'X_VAR', value: 'x' }]))
    expect(error.kind).toBe('precondition-failed')
    expect(error.message).toMatch(/creating/)
  })

  it('answers not found for an environment of another program', () => {
    const { engine, stage } = fresh()
    const error = refusal(() => patchEnvironmentVariables(engine.ctx, DM, '999', stage.id, [], noLock))
    expect(error.kind).toBe('not-found')
  })

  it('goes through the engine facade and tells listeners', () => {
    const { engine, stage } = fresh()
    const revisions: number[] = []
    engine.subscribe((r) => revisions.push(r))
    engine.patchEnvironmentVariables(DM, stage.programId, stage.id, [{ name: 'X_VAR', value: 'x' }])
    expect(revisions).toHaveLength(1)
    expect(engine.canEditEnvironmentVariables(PM, stage.programId, stage.id).ok).toBe(false)
    expect(engine.canEditEnvironmentVariables(DM, stage.programId, stage.id).ok).toBe(true)
  })
})

describe('pipeline variables', () => {
  it('apply to the build step when no service is named', () => {
    const { engine, pipeline } = fresh()
    patchPipelineVariables(engine.ctx, DM, pipeline.programId, pipeline.id, [{ name: 'MAVEN_OPTS', value: '-Xmx2g' }])
    expect(pipeline.variables).toEqual([
      { name: 'MAVEN_OPTS', type: 'string', value: '-Xmx2g', service: 'build', status: 'ready', updatedAt: engine.now },
    ])
  })

  it('accept the services build, functionalTest, uiTest and loadTest only', () => {
    for (const service of ['build', 'functionalTest', 'uiTest', 'loadTest']) {
      expect(applyVariableUpdates([], [{ name: 'SVC', value: 'x', service }], 'pipeline', 0).ok).toBe(true)
    }
    for (const service of ['author', 'Build', 'functionaltest', 'test']) {
      const result = applyVariableUpdates([], [{ name: 'SVC', value: 'x', service }], 'pipeline', 0)
      expect(result.ok || result.errors.map((e) => e.field)).toEqual(['[0].service'])
    }
  })

  it('identify a variable sent without a service with the build variable of the same name', () => {
    const { engine, pipeline } = fresh()
    const patch = (updates: VariableUpdate[]) => engine.patchPipelineVariables(DM, pipeline.programId, pipeline.id, updates)
    patch([{ name: 'MAVEN_OPTS', value: 'a', service: 'build' }])
    patch([{ name: 'MAVEN_OPTS', value: 'b' }])
    expect(pipeline.variables.map((v) => [v.service, v.value])).toEqual([['build', 'b']])
    patch([{ name: 'MAVEN_OPTS', value: '' }])
    expect(pipeline.variables).toEqual([])
  })

  it(`allow at most ${MAX_VARIABLES} per pipeline`, () => {
    const { engine, pipeline } = fresh()
    const many = Array.from({ length: MAX_VARIABLES + 1 }, (_, i) => ({ name: `VAR_${i}`, value: 'x' }))
    const error = refusal(() => engine.patchPipelineVariables(DM, pipeline.programId, pipeline.id, many))
    expect(fieldsOf(error)).toEqual([`[${MAX_VARIABLES}].name`])
    expect(error.fieldErrors[0]?.message).toMatch(/A pipeline can have at most 200/)
    expect(pipeline.variables).toEqual([])
  })

  it('can be changed by a Deployment Manager only', () => {
    for (const actor of [BO, PM, DEV]) {
      const { engine, pipeline } = fresh()
      const error = refusal(() =>
        engine.patchPipelineVariables(actor, pipeline.programId, pipeline.id, [{ name: 'XX', value: 'x' }]),
      )
      expect(error.kind).toBe('forbidden')
      expect(error.message).toMatch(/edit pipeline variables: this needs Deployment Manager/)
    }
  })

  it('cannot change while the pipeline runs', () => {
    const { engine, pipeline } = fresh()
    ;(pipeline as Pipeline).currentExecutionId = '777'
    const error = refusal(() => engine.patchPipelineVariables(DM, pipeline.programId, pipeline.id, [{ name: 'XX', value: 'x' }]))
    expect(error.kind).toBe('precondition-failed')
    expect(error.message).toMatch(/"Dev Deploy" is running/)
    expect(error.facts).toEqual({ pipelineId: pipeline.id, executionId: '777' })
    expect(engine.canEditPipelineVariables(DM, pipeline.programId, pipeline.id).ok).toBe(false)
  })

  it('report a type change at its position', () => {
    const { engine, pipeline } = fresh()
    engine.patchPipelineVariables(DM, pipeline.programId, pipeline.id, [{ name: 'PASS', value: 'p', type: 'secretString' }])
    const error = refusal(() =>
      engine.patchPipelineVariables(DM, pipeline.programId, pipeline.id, [
        { name: 'OTHER', value: 'fine' },
        { name: 'PASS', value: 'plain now', type: 'string' },
      ]),
    )
    expect(fieldsOf(error)).toEqual(['[1].type'])
    expect(pipeline.variables.map((v) => v.name)).toEqual(['PASS'])
  })
})

describe('applying variable changes', () => {
  const update = fc.record(
    {
      name: fc.oneof(validName, fc.string({ maxLength: 5 })),
      value: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.string({ minLength: 490, maxLength: 510 })),
      type: fc.constantFrom('string' as const, 'secretString' as const),
      service: fc.constantFrom('author', 'publish', 'Preview'),
    },
    { requiredKeys: ['name', 'value'] },
  )

  it('never stores a secret value and never touches the list it is given', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 8 }), fc.array(update, { maxLength: 8 }), (first, second) => {
        const start = applyVariableUpdates([], first, 'environment', 1)
        const current: Variable[] = start.ok ? start.variables : []
        const copy = structuredClone(current)
        const result = applyVariableUpdates(current, second, 'environment', 2)
        expect(current).toEqual(copy)
        if (result.ok) {
          for (const v of result.variables) {
            if (v.type === 'secretString') expect(v).not.toHaveProperty('value')
            else expect(v.value?.length).toBeGreaterThan(0)
          }
        } else {
          expect(result.errors.length).toBeGreaterThan(0)
          for (const e of result.errors) expect(e.field).toMatch(/^\[\d+\]\.(name|value|type|service)$/)
        }
      }),
    )
  })

  it('reports errors in the order of the changes', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 10 }), (updates) => {
        const result = applyVariableUpdates([], updates, 'environment', 0)
        if (result.ok) return
        const positions = result.errors.map((e) => Number(/^\[(\d+)\]/.exec(e.field)?.[1]))
        expect(positions).toEqual([...positions].sort((a, b) => a - b))
      }),
    )
  })

  it('fingerprints texts deterministically as 14 hex digits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(fingerprint(text)).toBe(fingerprint(text))
        expect(fingerprint(text)).toMatch(/^[0-9a-f]{14}$/)
      }),
    )
    expect(fingerprint('secret-a')).not.toBe(fingerprint('secret-b'))
  })
})

describe('saved variables', () => {
  function exported(mutate: (state: ReturnType<typeof JSON.parse>) => void) {
    const { engine, stage } = fresh()
    patchEnv(engine, stage, [
      { name: 'TOKEN', value: 'secret', type: 'secretString' },
      { name: 'PLAIN', value: 'x' },
    ])
    const state = JSON.parse(engine.exportState())
    mutate(state)
    return state
  }

  it('round-trip through an export and import', () => {
    const state = exported(() => {})
    expect(parseState(state)).toEqual(state)
  })

  it('are refused when a secret keeps its value, a name is invalid or a variable is listed twice', () => {
    const state = exported((s) => {
      const env = s.environments.find((e: Environment) => e.variables.length > 0)
      env.variables[0].value = 'leaked'
      env.variables.push({ ...env.variables[1] })
      env.variables.push({ name: 'bad-name', type: 'string', value: 'x', status: 'ready', updatedAt: 0 })
    })
    let problems: readonly string[] = []
    try {
      parseState(state)
    } catch (error) {
      if (error instanceof InvalidStateError) problems = error.problems
    }
    expect(problems).toEqual([
      expect.stringMatching(/TOKEN is a secret but stores its value/),
      expect.stringMatching(/PLAIN is defined twice/),
      expect.stringMatching(/bad-name: name must match/),
    ])
  })

  it('are refused when a pipeline variable names no service or an unknown one', () => {
    const { engine, pipeline } = fresh()
    engine.patchPipelineVariables(DM, pipeline.programId, pipeline.id, [{ name: 'OPTS', value: 'x' }])
    const state = JSON.parse(engine.exportState())
    const saved = state.pipelines.find((p: Pipeline) => p.id === pipeline.id)
    delete saved.variables[0].service
    saved.variables.push({ name: 'OTHER', type: 'string', value: 'y', service: 'author', status: 'ready', updatedAt: 0 })
    expect(() => parseState(state)).toThrow(/OPTS names no service.*OTHER \(author\): unknown service author/)
  })
})

describe('variables and running executions (spec §J.2 #9)', () => {
  it('are blocked on stage and production while a coupled pipeline waits for approval, and free again after it ends', async () => {
    const { runUntil, startExecution } = await import('./executions')
    const { engine, program, env, stage } = fresh()
    const prod = env('fresh-prod')
    const repo = engine.repositories(program.id)[0]!
    const pipeline = engine.createPipeline(DM, program.id, {
      name: 'Production Pipeline',
      category: 'production',
      repositoryId: repo.id,
      branch: 'main',
      environmentIds: [stage.id, prod.id],
      productionOptions: { pauseBeforeProd: true, scheduled: false },
    })
    const execution = startExecution(engine.ctx, DM, program.id, pipeline.id)
    const waitingAtApproval = () => execution.steps.some((s) => s.action === 'approval' && s.status === 'WAITING')
    expect(runUntil(engine.ctx, waitingAtApproval)).toBe(true)

    for (const target of [stage, prod]) {
      const error = refusal(() => engine.patchEnvironmentVariables(DM, program.id, target.id, [{ name: 'X_VAR', value: 'x' }]))
      expect(error.kind).toBe('precondition-failed')
      expect(error.message).toMatch(/being updated by a running pipeline: "Production Pipeline" is waiting/)
      expect(error.facts).toEqual({ pipelineId: pipeline.id, executionId: execution.id })
    }
    expect(engine.canEditPipelineVariables(DM, program.id, pipeline.id).ok).toBe(false)
    engine.patchEnvironmentVariables(DM, program.id, env('fresh-dev').id, [{ name: 'X_VAR', value: 'x' }])

    expect(runUntil(engine.ctx, () => pipeline.currentExecutionId === undefined)).toBe(true)
    engine.patchEnvironmentVariables(DM, program.id, prod.id, [{ name: 'X_VAR', value: 'x' }])
    expect(prod.variables.map((v) => v.name)).toEqual(['X_VAR'])
  })
})
