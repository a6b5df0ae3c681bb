import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from './actors'
import { Engine } from './engine'
import { DomainError } from './errors'
import type { Actor, PipelineConfig } from './model'
import type { PipelineInput } from './pipelines'

const DM: Actor = { roles: ['deployment-manager'], userId: 'dm@AdobeID' }
const DEV: Actor = { roles: ['developer'], userId: 'dev@AdobeID' }

/** fresh-program ids: program 1; environments dev 2, stage 3, prod 4; repository 5. */
function fresh() {
  const engine = Engine.create('fresh-program')
  const add = (config: PipelineInput, actor: Actor = DM) =>
    engine.createPipeline(actor, '1', { repositoryId: '5', branch: 'main', ...config })
  const menu = (actor: Actor = DM) => ({
    production: engine.canAddPipeline(actor, '1', 'production'),
    nonProduction: engine.canAddPipeline(actor, '1', 'nonProduction'),
    prodOnly: engine.canAddPipeline(actor, '1', 'prodOnly'),
  })
  return { engine, add, menu }
}

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof DomainError) return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]))
    throw error
  }
  throw new Error('expected the call to be refused')
}

const coupled = { name: 'Production', category: 'production' as const, environmentIds: ['3', '4'] }
const stageOnly = { name: 'Stage only', category: 'stageOnly' as const, environmentIds: ['3'] }
const prodOnly = {
  name: 'Prod only',
  category: 'prodOnly' as const,
  environmentIds: ['4'],
  repositoryId: undefined,
  branch: undefined,
}

describe('the Add Pipeline menu', () => {
  it('offers production and non-production but not production only on a fresh program', () => {
    const { menu } = fresh()
    const m = menu()
    expect(m.production.ok).toBe(true)
    expect(m.nonProduction.ok).toBe(true)
    expect(m.prodOnly.ok).toBe(false)
  })

  it('greys out Add Production Pipeline once a coupled production pipeline exists', () => {
    const { add, menu } = fresh()
    add(coupled)
    const verdict = menu().production
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.error.message).toMatch(/only one production pipeline/)
  })

  it('enables Add Production Only Pipeline once a stage-only pipeline exists, and disables it again after one is added', () => {
    const { add, menu } = fresh()
    add(stageOnly)
    expect(menu().prodOnly.ok).toBe(true)
    add(prodOnly)
    expect(menu().prodOnly.ok).toBe(false)
  })

  it('refuses every entry to roles that may not create pipelines, naming the role that may', () => {
    const { menu } = fresh()
    for (const verdict of Object.values(menu(DEV))) {
      expect(verdict.ok).toBe(false)
      if (!verdict.ok) expect(verdict.error.message).toMatch(/Deployment Manager/)
    }
  })
})

describe('creating pipelines', () => {
  it('derives the coupled production phases with stage testing and the production gates asked for', () => {
    const { add } = fresh()
    const p = add({ ...coupled, productionOptions: { pauseBeforeProd: true, scheduled: true } })
    expect(p.phases.map((ph) => [ph.name, ph.environmentType, ph.steps.map((s) => s.action)])).toEqual([
      ['VALIDATE', undefined, ['validate']],
      ['BUILD_1', undefined, ['build', 'codeQuality', 'buildImage']],
      ['DEPLOY_1', 'stage', ['deploy', 'productTest', 'functionalTest', 'contentAudit']],
      ['DEPLOY_2', 'prod', ['approval', 'schedule', 'deploy']],
    ])
  })

  it('adds custom UI testing only when asked for', () => {
    const { add } = fresh()
    const p = add({ ...coupled, stageTesting: { customUi: true } as PipelineConfig['stageTesting'] })
    expect(p.phases[2]?.steps.map((s) => s.action)).toContain('uiTest')
  })

  it('makes a non-production deployment to a stage environment a stage-only pipeline without production steps', () => {
    const { add } = fresh()
    const p = add({ name: 'To stage', category: 'nonProduction', nonProdKind: 'deployment', environmentIds: ['3'] })
    expect(p.category).toBe('stageOnly')
    expect(p.phases.flatMap((ph) => ph.steps.map((s) => s.action))).toEqual([
      'validate',
      'build',
      'codeQuality',
      'buildImage',
      'deploy',
      'productTest',
      'functionalTest',
      'contentAudit',
    ])
  })

  it('gives a production only pipeline no repository and only its production steps', () => {
    const { add } = fresh()
    add(stageOnly)
    const p = add({ ...prodOnly, productionOptions: { pauseBeforeProd: true, scheduled: false } })
    expect(p.repositoryId).toBeUndefined()
    expect(p.phases.map((ph) => ph.steps.map((s) => s.action))).toEqual([['validate'], ['build'], ['approval', 'deploy']])
  })

  it('builds a code quality pipeline that never deploys', () => {
    const { add } = fresh()
    const p = add({ name: 'CQ', category: 'nonProduction', nonProdKind: 'codeQuality' })
    expect(p.phases.flatMap((ph) => ph.steps.map((s) => s.action))).toEqual(['validate', 'build', 'codeQuality'])
  })

  it('refuses a second stage-only pipeline with an error on the environment field', () => {
    const { add } = fresh()
    add(stageOnly)
    expect(fieldErrors(() => add({ ...stageOnly, name: 'Another' }))).toEqual({
      environmentIds: 'A program can have only one stage-only pipeline, and "Stage only" already exists.',
    })
  })

  it('refuses a second coupled production pipeline', () => {
    const { add } = fresh()
    add(coupled)
    expect(fieldErrors(() => add({ ...coupled, name: 'Other' }))).toHaveProperty('category')
  })

  it('refuses a production only pipeline before a stage-only pipeline exists', () => {
    const { add } = fresh()
    expect(fieldErrors(() => add(prodOnly))).toHaveProperty('category')
  })

  it.each([
    ['', 'Enter a pipeline name.'],
    ['   ', 'Enter a pipeline name.'],
    ['x'.repeat(65), 'Use at most 64 characters.'],
  ])('refuses the name %j', (name, message) => {
    const { add } = fresh()
    expect(fieldErrors(() => add({ ...coupled, name }))).toEqual({ name: message })
  })

  it('accepts a 64-character name and refuses a duplicate whatever its case', () => {
    const { add } = fresh()
    add({ ...coupled, name: 'x'.repeat(64) })
    expect(fieldErrors(() => add({ ...stageOnly, name: 'X'.repeat(64) }))).toHaveProperty('name')
  })

  it('reports every field problem at once', () => {
    const { add } = fresh()
    const errors = fieldErrors(() =>
      add({
        ...coupled,
        name: '',
        branch: 'nope',
        codeLocation: 'src',
        stageTesting: { experienceAuditPaths: ['/ok', 'bad'] } as PipelineConfig['stageTesting'],
      }),
    )
    expect(Object.keys(errors).sort()).toEqual(['branch', 'codeLocation', 'name', 'stageTesting.experienceAuditPaths[1]'])
  })

  it('allows at most 25 experience audit paths', () => {
    const { add } = fresh()
    const paths = Array.from({ length: 26 }, (_, i) => `/page-${i}`)
    expect(
      fieldErrors(() => add({ ...coupled, stageTesting: { experienceAuditPaths: paths } as PipelineConfig['stageTesting'] })),
    ).toHaveProperty('stageTesting.experienceAuditPaths')
    expect(() =>
      add({ ...coupled, stageTesting: { experienceAuditPaths: paths.slice(0, 25) } as PipelineConfig['stageTesting'] }),
    ).not.toThrow()
  })

  it('refuses an environment that is not ready', () => {
    const { engine, add } = fresh()
    const stage = engine.ctx.findEnvironment('3')
    if (stage) stage.status = 'creating'
    expect(fieldErrors(() => add(stageOnly)).environmentIds).toMatch(/creating/)
  })

  it('allows one full-stack deployment pipeline per development environment', () => {
    const { add } = fresh()
    const dev = { name: 'Dev', category: 'nonProduction' as const, nonProdKind: 'deployment' as const, environmentIds: ['2'] }
    add(dev)
    expect(fieldErrors(() => add({ ...dev, name: 'Dev 2' }))).toHaveProperty('environmentIds')
    expect(() => add({ ...dev, name: 'Front end', codeSource: 'frontEnd' })).not.toThrow()
  })

  it('lets only a Deployment Manager create pipelines', () => {
    const { add } = fresh()
    expect(() => add(coupled, DEV)).toThrow(/Deployment Manager/)
    expect(() => add(coupled, SYSTEM_ACTOR)).not.toThrow()
  })

  it('stops at 300 pipelines per program', () => {
    const { add } = fresh()
    for (let i = 0; i < 300; i++) add({ name: `CQ ${i}`, category: 'nonProduction', nonProdKind: 'codeQuality' })
    expect(() => add({ name: 'One too many', category: 'nonProduction', nonProdKind: 'codeQuality' })).toThrow(/at most 300/)
  })
})

describe('editing and deleting pipelines', () => {
  it('keeps phase and step ids when a setting changes, and adds new ids for new steps', () => {
    const { engine, add } = fresh()
    const p = add(coupled)
    const before = p.phases.map((ph) => [ph.id, ph.steps.map((s) => s.id)])
    const updated = engine.updatePipeline(DM, '1', p.id, { productionOptions: { pauseBeforeProd: true, scheduled: false } })
    expect(updated.phases.slice(0, 3).map((ph) => [ph.id, ph.steps.map((s) => s.id)])).toEqual(before.slice(0, 3))
    expect(updated.phases[3]?.steps.map((s) => s.action)).toEqual(['approval', 'deploy'])
    expect(updated.phases[3]?.steps[1]?.id).toBe((before[3] as [string, string[]])[1][0])
  })

  it('refuses to change the kind of a pipeline', () => {
    const { engine, add } = fresh()
    const p = add(coupled)
    expect(fieldErrors(() => engine.updatePipeline(DM, '1', p.id, { category: 'nonProduction' }))).toHaveProperty('category')
  })

  it("lets a rename keep its own name and refuses another pipeline's", () => {
    const { engine, add } = fresh()
    const p = add(coupled)
    add(stageOnly)
    expect(() => engine.updatePipeline(DM, '1', p.id, { name: 'Production' })).not.toThrow()
    expect(fieldErrors(() => engine.updatePipeline(DM, '1', p.id, { name: 'stage ONLY' }))).toHaveProperty('name')
  })

  it('refuses to delete a stage-only pipeline while a production only pipeline promotes from it', () => {
    const { engine, add } = fresh()
    const s = add(stageOnly)
    const p = add(prodOnly)
    expect(() => engine.deletePipeline(DM, '1', s.id)).toThrow(/delete it first/)
    engine.deletePipeline(DM, '1', p.id)
    engine.deletePipeline(DM, '1', s.id)
    expect(engine.pipelines('1')).toEqual([])
  })
})
