import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from './actors'
import { emptyState, Engine } from './engine'
import {
  ADDITIONAL_STAGE_DAYS,
  type AdditionalStageRequestInput,
  canDeleteEnvironment,
  canRequestAdditionalStage,
  DAY,
  deleteEnvironment,
  MINUTE,
  onEnvironmentReady,
  requestAdditionalStage,
} from './environments'
import { DomainError } from './errors'
import type { Actor, Environment, Role } from './model'
import { addEnvironment, addProgram, addRepository } from './scenarios/builder'
import { InvalidStateError, parseState } from './snapshot'
import { refusal } from './executions/fixtures'

const as = (...roles: Role[]): Actor => ({ roles, userId: `${roles.join('+')}@AdobeID` })
const BO = as('business-owner')
const DM = as('deployment-manager')
const PM = as('program-manager')
const DEV = as('developer')

function fresh(seed = 1) {
  const engine = Engine.create('fresh-program', seed)
  const program = engine.listPrograms()[0]!
  const env = (name: string) => engine.environments(program.id).find((e) => e.name === name) as Environment
  return { engine, program, env, dev: env('fresh-dev'), stage: env('fresh-stage'), prod: env('fresh-prod') }
}

const fieldsOf = (error: DomainError) => error.fieldErrors.map((e) => e.field)
const request = (over: Partial<AdditionalStageRequestInput> = {}): AdditionalStageRequestInput => ({
  name: 'fresh-stage-2',
  description: 'User acceptance testing',
  baseBranch: 'INTEGRATION',
  ...over,
})
const readyTimersFor = (engine: Engine, id: string) =>
  engine.state.clock.heap.filter((t) => t.payload.kind === 'environment-ready' && t.payload.environmentId === id)

describe('adding an environment', () => {
  it('is open to Business Owners and Deployment Managers', () => {
    for (const actor of [BO, DM]) {
      const { engine, program } = fresh()
      const env = engine.createEnvironment(actor, program.id, { name: 'fresh-dev-2', type: 'dev', region: 'va7' })
      expect(env).toMatchObject({ name: 'fresh-dev-2', type: 'dev', region: 'va7', description: '', isAdditionalStage: false })
    }
  })

  it('is refused to Program Managers and Developers, naming the roles that may', () => {
    for (const actor of [PM, DEV]) {
      const { engine, program } = fresh()
      const error = refusal(() =>
        engine.createEnvironment(actor, program.id, { name: 'fresh-dev-2', type: 'dev', region: 'va7' }),
      )
      expect(error.kind).toBe('forbidden')
      expect(error.message).toMatch(/add environments: this needs Business Owner, Deployment Manager/)
    }
  })

  it('starts creating and is ready within the time its type takes', () => {
    const { engine, program } = fresh()
    const start = engine.now
    const env = engine.createEnvironment(DM, program.id, {
      name: 'fresh-dev-2',
      type: 'dev',
      region: 'va7',
      description: 'More dev',
    })
    expect(env.status).toBe('creating')
    const [timer] = readyTimersFor(engine, env.id)
    expect(timer?.at).toBeGreaterThanOrEqual(start + 15 * MINUTE)
    expect(timer?.at).toBeLessThanOrEqual(start + 45 * MINUTE)
    engine.advanceTo((timer?.at ?? 0) - 1)
    expect(env.status).toBe('creating')
    engine.advanceBy(1)
    expect(env.status).toBe('ready')
    expect(env.updatedAt).toBe(timer?.at)
  })

  it('refuses a name without a letter, with a character outside the allowed set, or longer than 64 characters', () => {
    const { engine, program } = fresh()
    for (const name of ['1234', '   ', '', 'dev~1', 'dév', 'a'.repeat(65), 'qa:env']) {
      const error = refusal(() => engine.createEnvironment(DM, program.id, { name, type: 'dev', region: 'va7' }))
      expect(fieldsOf(error), name).toEqual(['name'])
    }
  })

  it('accepts names of the Swagger pattern that contain a letter', () => {
    const allowed = '-+!\'"/#$%&*.,;()@[\\]^_`{|} 0123456789'
    const name = fc
      .tuple(fc.constantFrom(...'abcXYZ'.split('')), fc.array(fc.constantFrom(...allowed.split('')), { maxLength: 40 }))
      .map(([letter, rest]) => `${letter}${rest.join('')}`)
      .filter((n) => n.trim().length > 0)
    fc.assert(
      fc.property(name, (n) => {
        const { engine, program } = fresh()
        expect(engine.createEnvironment(DM, program.id, { name: n, type: 'rde', region: 'va7' }).name).toBe(n.trim())
      }),
      { numRuns: 50 },
    )
  })

  it('refuses a name already used in the program, whatever its case', () => {
    const { engine, program } = fresh()
    const error = refusal(() => engine.createEnvironment(DM, program.id, { name: 'FRESH-DEV', type: 'dev', region: 'va7' }))
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({ field: 'name', message: expect.stringMatching(/already exists/) }),
    ])
  })

  it('refuses an unknown type, preprod and a bad region, all at once', () => {
    const { engine, program } = fresh()
    const error = refusal(() => engine.createEnvironment(DM, program.id, { name: '', type: 'preprod', region: 'VA 7' }))
    expect(error.kind).toBe('invalid')
    expect(fieldsOf(error)).toEqual(['name', 'type', 'region'])
  })

  it('refuses a second stage or production environment and points to the additional staging request', () => {
    const { engine, program } = fresh()
    const stage = refusal(() => engine.createEnvironment(BO, program.id, { name: 'another-stage', type: 'stage', region: 'va7' }))
    expect(stage.fieldErrors[0]).toMatchObject({
      field: 'type',
      message: expect.stringMatching(/request an additional staging environment/),
    })
    const prod = refusal(() => engine.createEnvironment(BO, program.id, { name: 'another-prod', type: 'prod', region: 'va7' }))
    expect(fieldsOf(prod)).toEqual(['type'])
  })

  it('puts stage in the region of production', () => {
    const engine = new Engine(emptyState('test', 1))
    const program = addProgram(engine.ctx, 'Half Program')
    addEnvironment(engine.ctx, program, 'half-prod', 'prod', { region: 'nld2' })
    const error = refusal(() => engine.createEnvironment(BO, program.id, { name: 'half-stage', type: 'stage', region: 'va7' }))
    expect(error.fieldErrors[0]).toMatchObject({ field: 'region', message: expect.stringMatching(/use nld2/) })
    expect(engine.createEnvironment(BO, program.id, { name: 'half-stage', type: 'stage', region: 'nld2' }).status).toBe(
      'creating',
    )
  })

  it('answers not found for an unknown program', () => {
    const { engine } = fresh()
    expect(refusal(() => engine.createEnvironment(DM, '999', { name: 'x-dev', type: 'dev', region: 'va7' })).kind).toBe(
      'not-found',
    )
  })
})

describe('deleting an environment', () => {
  it('removes a development environment for a Business Owner or Deployment Manager', () => {
    for (const actor of [BO, DM]) {
      const { engine, program, dev } = fresh()
      engine.deleteEnvironment(actor, program.id, dev.id)
      expect(engine.environments(program.id).map((e) => e.name)).toEqual(['fresh-stage', 'fresh-prod'])
      expect(engine.ctx.findEnvironment(dev.id)).toBeUndefined()
    }
  })

  it('is refused to Program Managers and Developers', () => {
    for (const actor of [PM, DEV]) {
      const { engine, program, dev } = fresh()
      expect(refusal(() => engine.deleteEnvironment(actor, program.id, dev.id)).kind).toBe('forbidden')
    }
  })

  it('never removes production, nor the stage paired with it', () => {
    const { engine, program, stage, prod } = fresh()
    const p = refusal(() => engine.deleteEnvironment(BO, program.id, prod.id))
    expect(p.kind).toBe('invalid')
    expect(p.message).toMatch(/production environment; it cannot be deleted/)
    const s = refusal(() => engine.deleteEnvironment(BO, program.id, stage.id))
    expect(s.message).toMatch(/paired with production/)
  })

  it('is refused while a pipeline deploys to it, with the pipeline named', () => {
    const { engine, program, dev } = fresh()
    const repo = engine.repositories(program.id)[0]!
    const pipeline = engine.createPipeline(DM, program.id, {
      name: 'Dev Deploy',
      category: 'nonProduction',
      nonProdKind: 'deployment',
      repositoryId: repo.id,
      branch: 'main',
      environmentIds: [dev.id],
    })
    const error = refusal(() => engine.deleteEnvironment(DM, program.id, dev.id))
    expect(error.kind).toBe('conflict')
    expect(error.message).toMatch(/Pipeline "Dev Deploy" deploys to "fresh-dev"/)
    expect(error.facts).toEqual({ pipelineId: pipeline.id })
    expect(engine.canDeleteEnvironment(DM, program.id, dev.id).ok).toBe(false)
  })

  it('is refused while a running pipeline holds the environment', () => {
    const { engine, program, dev } = fresh()
    const lock = { reason: 'Dev Deploy is deploying.', pipelineId: '50', executionId: '51' }
    const error = refusal(() => deleteEnvironment(engine.ctx, DM, program.id, dev.id, () => lock))
    expect(error.kind).toBe('precondition-failed')
    expect(error.facts).toEqual({ pipelineId: '50', executionId: '51' })
    expect(engine.ctx.findEnvironment(dev.id)).toBe(dev)
  })

  it('is refused while the environment is still being created or already being deleted', () => {
    const { engine, program, dev } = fresh()
    const creating = engine.createEnvironment(DM, program.id, { name: 'new-dev', type: 'dev', region: 'va7' })
    expect(refusal(() => engine.deleteEnvironment(DM, program.id, creating.id)).kind).toBe('conflict')
    dev.status = 'deleting'
    expect(refusal(() => engine.deleteEnvironment(DM, program.id, dev.id)).message).toMatch(/already being deleted/)
  })

  it('deletes a ready additional staging environment and cancels nothing else', () => {
    const { engine, program } = fresh()
    const extra = engine.requestAdditionalStage(BO, program.id, request())
    const other = engine.createEnvironment(DM, program.id, { name: 'new-dev', type: 'dev', region: 'va7' })
    engine.advanceBy(15 * DAY)
    expect(extra.status).toBe('ready')
    expect(canDeleteEnvironment(engine.ctx, BO, extra, undefined).ok).toBe(true)
    engine.deleteEnvironment(BO, program.id, extra.id)
    expect(engine.ctx.findEnvironment(extra.id)).toBeUndefined()
    expect(engine.ctx.findEnvironment(other.id)?.status).toBe('ready')
  })

  it('leaves no ready timer behind for a deleted environment', () => {
    const { engine, program } = fresh()
    const env = engine.createEnvironment(DM, program.id, { name: 'new-dev', type: 'dev', region: 'va7' })
    env.status = 'failed' // a failed creation may be deleted while its timer is still pending
    expect(readyTimersFor(engine, env.id)).toHaveLength(1)
    engine.deleteEnvironment(DM, program.id, env.id)
    expect(readyTimersFor(engine, env.id)).toHaveLength(0)
    expect(() => parseState(JSON.parse(engine.exportState()))).not.toThrow()
  })
})

describe('requesting an additional staging environment', () => {
  it('creates a stage environment that is additional, creating, in the region of Stage and Production', () => {
    const { engine, program, stage } = fresh()
    const env = engine.requestAdditionalStage(BO, program.id, request({ baseBranch: 'MASTER' }))
    expect(env).toMatchObject({
      name: 'fresh-stage-2',
      description: 'User acceptance testing',
      type: 'stage',
      status: 'creating',
      isAdditionalStage: true,
      region: stage.region,
      request: { baseBranch: 'MASTER', requestedAt: engine.now },
    })
    expect(engine.environments(program.id).filter((e) => e.type === 'stage')).toHaveLength(2)
  })

  it('is provisioned within 3 to 14 virtual days and then becomes ready', () => {
    const { engine, program } = fresh()
    const env = engine.requestAdditionalStage(BO, program.id, request())
    const readyAt = env.request?.readyAt ?? 0
    expect(readyAt - engine.now).toBeGreaterThanOrEqual(3 * DAY)
    expect(readyAt - engine.now).toBeLessThanOrEqual(14 * DAY)
    expect(readyTimersFor(engine, env.id).map((t) => t.at)).toEqual([readyAt])
    engine.advanceTo(readyAt - 1)
    expect(env.status).toBe('creating')
    engine.advanceTo(readyAt)
    expect(env.status).toBe('ready')
  })

  it('takes the same time for the same seed and varies across seeds', () => {
    const days = (seed: number) => {
      const { engine, program } = fresh(seed)
      const env = engine.requestAdditionalStage(BO, program.id, request())
      return ((env.request?.readyAt ?? 0) - engine.now) / DAY
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const d = days(seed)
        expect(days(seed)).toBe(d)
        expect(Number.isInteger(d)).toBe(true)
        expect(d).toBeGreaterThanOrEqual(ADDITIONAL_STAGE_DAYS[0])
        expect(d).toBeLessThanOrEqual(ADDITIONAL_STAGE_DAYS[1])
      }),
      { numRuns: 40 },
    )
    expect(new Set(Array.from({ length: 30 }, (_, i) => days(i + 1))).size).toBeGreaterThan(3)
  })

  it('is for Business Owners only', () => {
    for (const actor of [DM, PM, DEV]) {
      const { engine, program } = fresh()
      const error = refusal(() => engine.requestAdditionalStage(actor, program.id, request()))
      expect(error.kind).toBe('forbidden')
      expect(error.message).toMatch(/request an additional staging environment: this needs Business Owner\./)
      expect(engine.canRequestAdditionalStage(actor, program.id).ok).toBe(false)
    }
    const { engine, program } = fresh()
    expect(engine.canRequestAdditionalStage(BO, program.id)).toEqual({ ok: true })
  })

  it('needs a program with a Production and Stage pair', () => {
    const engine = new Engine(emptyState('test', 1))
    const program = addProgram(engine.ctx, 'Sandbox')
    addEnvironment(engine.ctx, program, 'sandbox-dev', 'dev')
    addEnvironment(engine.ctx, program, 'sandbox-stage', 'stage')
    const verdict = canRequestAdditionalStage(engine.ctx, BO, program.id)
    expect(verdict.ok || verdict.error.kind).toBe('conflict')
    expect(verdict.ok || verdict.error.message).toMatch(/Production and Stage environment pair/)
    expect(refusal(() => requestAdditionalStage(engine.ctx, BO, program.id, request())).kind).toBe('conflict')
  })

  it('accepts a region only when it is the region of Stage and Production', () => {
    const { engine, program, stage } = fresh()
    const error = refusal(() => engine.requestAdditionalStage(BO, program.id, request({ region: 'nld2' })))
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({
        field: 'region',
        message: expect.stringMatching(/region of Stage and Production \(va7\)/),
        invalidValue: 'nld2',
      }),
    ])
    expect(engine.requestAdditionalStage(BO, program.id, request({ region: stage.region })).region).toBe('va7')
  })

  it('refuses any copy from another environment, saying data cannot be copied from Staging or Production', () => {
    for (const copyFrom of ['stage', 'prod', 'anything', null, { environmentId: '3' }]) {
      const { engine, program } = fresh()
      const error = refusal(() => engine.requestAdditionalStage(BO, program.id, request({ copyFrom })))
      expect(error.kind).toBe('invalid')
      expect(error.fieldErrors).toEqual([
        expect.objectContaining({
          field: 'copyFrom',
          message: expect.stringMatching(/cannot be copied from Staging or Production/),
        }),
      ])
      expect(engine.environments(program.id)).toHaveLength(3)
    }
  })

  it('accepts only the Integration or Master branch as the base', () => {
    for (const baseBranch of ['main', 'integration', 'Master', 'STAGING', '']) {
      const { engine, program } = fresh()
      const error = refusal(() => engine.requestAdditionalStage(BO, program.id, request({ baseBranch })))
      expect(fieldsOf(error)).toEqual(['baseBranch'])
    }
  })

  it('reports every problem of a request at once', () => {
    const { engine, program } = fresh()
    const error = refusal(() =>
      engine.requestAdditionalStage(BO, program.id, {
        name: 'fresh-prod',
        baseBranch: 'DEVELOP',
        region: 'jpn9',
        copyFrom: 'prod',
      }),
    )
    expect(fieldsOf(error)).toEqual(['name', 'baseBranch', 'region', 'copyFrom'])
  })

  it('allows one request at a time and one additional staging environment per program', () => {
    const { engine, program } = fresh()
    const first = engine.requestAdditionalStage(BO, program.id, request())
    const pending = refusal(() => engine.requestAdditionalStage(BO, program.id, request({ name: 'fresh-stage-3' })))
    expect(pending.kind).toBe('conflict')
    expect(pending.message).toMatch(
      /already being provisioned: "fresh-stage-2" should be ready within \d+ days?\. Only one request/,
    )
    expect(pending.facts).toEqual({ environmentId: first.id })
    engine.advanceBy(14 * DAY)
    const done = refusal(() => engine.requestAdditionalStage(BO, program.id, request({ name: 'fresh-stage-3' })))
    expect(done.kind).toBe('conflict')
    expect(done.message).toMatch(/already has an additional staging environment \("fresh-stage-2"\)/)
  })

  it('is not offered in the demo program, which already has one', () => {
    const engine = Engine.create('demo')
    const global = engine.listPrograms().find((p) => p.name === 'We.Retail Global')!
    const verdict = engine.canRequestAdditionalStage(BO, global.id)
    expect(verdict.ok || verdict.error.message).toMatch(/weretail-stage-2/)
    const commerce = engine.listPrograms().find((p) => p.name === 'Global Commerce')!
    expect(engine.canRequestAdditionalStage(BO, commerce.id).ok).toBe(true)
    expect(engine.requestAdditionalStage(BO, commerce.id, request({ name: 'commerce-stage-2' })).region).toBe('nld2')
  })

  it('checks the role before anything else, then the program, then the fields', () => {
    const { engine, program } = fresh()
    const bad = request({ copyFrom: 'prod' })
    expect(refusal(() => engine.requestAdditionalStage(DM, program.id, bad)).kind).toBe('forbidden')
    engine.requestAdditionalStage(BO, program.id, request())
    expect(refusal(() => engine.requestAdditionalStage(BO, program.id, bad)).kind).toBe('conflict')
  })

  it('becomes the target of a stage-only pipeline once ready, and never of a production pipeline', () => {
    const { engine, program, prod } = fresh()
    const repo = engine.repositories(program.id)[0]!
    const extra = engine.requestAdditionalStage(BO, program.id, request())
    const stageOnly = {
      name: 'Stage Only',
      category: 'stageOnly' as const,
      repositoryId: repo.id,
      branch: 'main',
      environmentIds: [extra.id],
    }
    const early = refusal(() => engine.createPipeline(DM, program.id, stageOnly))
    expect(early.fieldErrors).toEqual([
      expect.objectContaining({ field: 'environmentIds', message: expect.stringMatching(/is creating/) }),
    ])
    engine.advanceBy(14 * DAY)
    const pipeline = engine.createPipeline(DM, program.id, stageOnly)
    expect(pipeline.category).toBe('stageOnly')
    expect(pipeline.phases.find((p) => p.type === 'DEPLOY')).toMatchObject({ environmentId: extra.id, environmentType: 'stage' })
    const production = refusal(() =>
      engine.createPipeline(DM, program.id, {
        name: 'Production',
        category: 'production',
        repositoryId: repo.id,
        branch: 'main',
        environmentIds: [extra.id, prod.id],
      }),
    )
    expect(fieldsOf(production)).toContain('environmentIds')
  })

  it('turns a non-production deployment to the ready additional stage into a stage-only pipeline', () => {
    const { engine, program } = fresh()
    const repo = engine.repositories(program.id)[0]!
    const extra = engine.requestAdditionalStage(BO, program.id, request())
    engine.advanceBy(14 * DAY)
    const pipeline = engine.createPipeline(DM, program.id, {
      name: 'UAT',
      category: 'nonProduction',
      nonProdKind: 'deployment',
      repositoryId: repo.id,
      branch: 'main',
      environmentIds: [extra.id],
    })
    expect(pipeline.category).toBe('stageOnly')
  })
})

describe('an environment-ready timer', () => {
  it('does nothing for an environment that is gone or no longer creating', () => {
    const { engine, dev } = fresh()
    const revision = engine.revision
    onEnvironmentReady(engine.ctx, '999')
    onEnvironmentReady(engine.ctx, dev.id)
    expect(engine.revision).toBe(revision)
    dev.status = 'failed'
    onEnvironmentReady(engine.ctx, dev.id)
    expect(dev.status).toBe('failed')
  })

  it('survives an export and import and still fires', () => {
    const { engine, program } = fresh()
    const env = engine.requestAdditionalStage(BO, program.id, request())
    const copy = new Engine(parseState(JSON.parse(engine.exportState())))
    copy.advanceBy(14 * DAY)
    expect(copy.environment(program.id, env.id).status).toBe('ready')
    expect(env.status).toBe('creating')
  })
})

describe('saved environments', () => {
  const problemsOf = (state: unknown): readonly string[] => {
    try {
      parseState(state)
      return []
    } catch (error) {
      if (error instanceof InvalidStateError) return error.problems
      throw error
    }
  }

  it('are refused when a provisioning request has no timer to finish it', () => {
    const { engine, program } = fresh()
    engine.requestAdditionalStage(BO, program.id, request())
    const state = JSON.parse(engine.exportState())
    state.clock.heap = []
    expect(problemsOf(state)).toEqual([expect.stringMatching(/being provisioned but no timer will make it ready/)])
  })

  it('are refused when a timer would make an unknown environment ready', () => {
    const { engine } = fresh()
    const state = JSON.parse(engine.exportState())
    state.clock.heap.push({
      id: 99,
      at: state.clock.now + 1,
      seq: 99,
      payload: { kind: 'environment-ready', environmentId: '555' },
    })
    state.clock.nextSeq = 100
    expect(problemsOf(state)).toEqual([expect.stringMatching(/timer 99 makes unknown environment 555 ready/)])
  })

  it('are refused when timer sequence numbers would repeat', () => {
    const { engine, program } = fresh()
    engine.createEnvironment(DM, program.id, { name: 'new-dev', type: 'dev', region: 'va7' })
    const state = JSON.parse(engine.exportState())
    state.clock.nextSeq = 1
    expect(problemsOf(state)).toEqual([expect.stringMatching(/not below the clock's nextSeq 1/)])
  })

  it('are refused with two additional stages, a non-stage additional stage, or duplicate names', () => {
    const { engine, dev, stage } = fresh()
    const state = JSON.parse(engine.exportState())
    const saved = (id: string) => state.environments.find((e: Environment) => e.id === id)
    saved(dev.id).isAdditionalStage = true
    saved(stage.id).isAdditionalStage = true
    saved(stage.id).name = 'FRESH-DEV'
    expect(problemsOf(state)).toEqual([
      expect.stringMatching(/additional staging environment of type dev/),
      expect.stringMatching(/two environments named "FRESH-DEV"/),
      expect.stringMatching(/more than one additional staging environment/),
    ])
  })

  it('are refused when a pipeline targets an environment of another program', () => {
    const engine = new Engine(emptyState('test', 1))
    const a = addProgram(engine.ctx, 'A')
    const b = addProgram(engine.ctx, 'B')
    const aDev = addEnvironment(engine.ctx, a, 'a-dev', 'dev')
    const bDev = addEnvironment(engine.ctx, b, 'b-dev', 'dev')
    const repo = addRepository(engine.ctx, a, 'a-repo', ['main'])
    const pipeline = engine.createPipeline(SYSTEM_ACTOR, a.id, {
      name: 'A Dev',
      category: 'nonProduction',
      nonProdKind: 'deployment',
      repositoryId: repo.id,
      branch: 'main',
      environmentIds: [aDev.id],
    })
    const state = JSON.parse(engine.exportState())
    state.pipelines[0].environmentIds = [bDev.id]
    expect(problemsOf(state)).toEqual([`pipeline ${pipeline.id} targets environment ${bDev.id} of another program`])
  })

  it('are refused when two entities share an id', () => {
    const { engine, dev } = fresh()
    const state = JSON.parse(engine.exportState())
    state.repositories[0].id = dev.id
    expect(problemsOf(state)).toContain(`repository ${dev.id} reuses an id already in use`)
  })

  it('of every built-in scenario are accepted', () => {
    for (const scenario of ['demo', 'fresh-program'] as const) {
      expect(problemsOf(JSON.parse(Engine.create(scenario).exportState()))).toEqual([])
    }
  })
})
