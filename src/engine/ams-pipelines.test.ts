/**
 * AMS pipeline configuration rules (spec §C.3–C.9, §D.3 shapes 2, 5, 6, 7; §G.2; §K.13), with
 * the flavour taken from the program's type.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_DISPATCHER_PATHS, SITES_PAGE_SETS, sitesWeights } from './ams-pipelines'
import { amsFixture, CSE } from './executions/ams-fixtures'
import { BO, DM, freshFixture, PM, refusal } from './executions/fixtures'
import type { Pipeline } from './model'

const shape = (p: Pipeline) => p.phases.map((ph) => [ph.name, ph.environmentType, ph.steps.map((s) => s.action)])

const fields = (fn: () => unknown) => Object.fromEntries(refusal(fn).fieldErrors.map((e) => [e.field, e.message]))

describe('the steps an AMS pipeline runs', () => {
  it('a coupled full-stack pipeline with every option runs validate, build, code scanning, stage deploy, the stage approval, security and performance testing per solution, the experience audit, Go Live approval, schedule, CSE Support and the production deploy', () => {
    const f = amsFixture()
    const p = f.coupled({
      approveAfterStageDeployment: true,
      productionOptions: { goLiveApproval: true, scheduled: true, cseOversight: 'MY_CSE' },
      stageTesting: { experienceAudit: true },
    })
    expect(shape(p)).toEqual([
      ['VALIDATE', undefined, ['validate']],
      ['BUILD_1', undefined, ['build', 'codeQuality']],
      [
        'DEPLOY_1',
        'stage',
        ['deploy', 'approval', 'securityTest', 'loadTest', 'assetsTest', 'reportPerformanceTest', 'contentAudit'],
      ],
      ['DEPLOY_2', 'prod', ['approval', 'schedule', 'managed', 'deploy']],
    ])
  })

  it('without options it has no Build Images step, no approval and no experience audit', () => {
    const p = amsFixture().coupled()
    expect(p.phases.flatMap((ph) => ph.steps.map((s) => s.action))).toEqual([
      'validate',
      'build',
      'codeQuality',
      'deploy',
      'securityTest',
      'loadTest',
      'assetsTest',
      'reportPerformanceTest',
      'deploy',
    ])
  })

  it('runs the performance tests of the licensed solutions only: Sites → loadTest, Assets → assetsTest, a report when either runs', () => {
    const cases: Array<[Array<'sites' | 'assets' | 'forms'>, string[]]> = [
      [['sites'], ['securityTest', 'loadTest', 'reportPerformanceTest']],
      [['assets'], ['securityTest', 'assetsTest', 'reportPerformanceTest']],
      [['forms'], ['securityTest']],
    ]
    for (const [solutions, tests] of cases) {
      const f = amsFixture()
      f.program.solutions = solutions
      expect(f.coupled().phases[2]?.steps.map((s) => s.action)).toEqual(['deploy', ...tests])
    }
  })

  it('a Web Tier Config production pipeline builds and deploys without scanning or tests, keeping its production gates', () => {
    const p = amsFixture().coupled({
      codeSource: 'webTierConfig',
      productionOptions: { goLiveApproval: true, cseOversight: 'ANY_CSE' },
    })
    expect(shape(p)).toEqual([
      ['VALIDATE', undefined, ['validate']],
      ['BUILD_1', undefined, ['build']],
      ['DEPLOY_1', 'stage', ['deploy']],
      ['DEPLOY_2', 'prod', ['approval', 'managed', 'deploy']],
    ])
  })

  it('a development deploy is validate, build, code scanning and deploy (fixture execution1004)', () => {
    const f = amsFixture()
    const p = f.add({
      name: 'Dev',
      category: 'nonProduction',
      nonProdKind: 'deployment',
      repositoryId: f.repoId,
      branch: 'main',
      environmentIds: [f.devId],
    })
    expect(p.phases.flatMap((ph) => ph.steps.map((s) => s.action))).toEqual(['validate', 'build', 'codeQuality', 'deploy'])
  })

  it('a stage-only pipeline stops after stage testing (shape 6); a prod-only one prepares artifacts, then its gates and CSE Support (shape 7)', () => {
    const f = amsFixture()
    const stage = f.stageOnly({ approveAfterStageDeployment: true })
    expect(shape(stage).at(-1)).toEqual([
      'DEPLOY_1',
      'stage',
      ['deploy', 'approval', 'securityTest', 'loadTest', 'assetsTest', 'reportPerformanceTest'],
    ])
    const prod = f.prodOnly({ productionOptions: { goLiveApproval: true, scheduled: true, cseOversight: 'MY_CSE' } })
    expect(shape(prod)).toEqual([
      ['VALIDATE', undefined, ['validate']],
      ['BUILD_1', undefined, ['build']],
      ['DEPLOY_1', 'prod', ['approval', 'schedule', 'managed', 'deploy']],
    ])
  })

  it('the same options on a Cloud Service program keep the Cloud Service steps (the flavour is the program type)', () => {
    const p = freshFixture().coupled()
    expect(p.phases[1]?.steps.map((s) => s.action)).toEqual(['build', 'codeQuality', 'buildImage'])
    expect(p.phases[2]?.steps.map((s) => s.action)).toEqual(['deploy', 'productTest', 'functionalTest', 'contentAudit'])
  })
})

describe('options of the other flavour are refused field by field', () => {
  it('Cloud Service options on an AMS program: Pause before deploying to Production, targeted config or front end code, functional and UI tests', () => {
    const f = amsFixture()
    const errors = fields(() =>
      f.coupled({
        codeSource: 'frontEnd',
        productionOptions: { pauseBeforeProd: true },
        stageTesting: { productFunctional: true, customFunctional: true, customUi: true },
      }),
    )
    expect(Object.keys(errors).sort()).toEqual([
      'codeSource',
      'productionOptions.pauseBeforeProd',
      'stageTesting.customFunctional',
      'stageTesting.customUi',
      'stageTesting.productFunctional',
    ])
    expect(errors['productionOptions.pauseBeforeProd']).toMatch(/Cloud Service option.*goLiveApproval/)
  })

  it('AMS options on a Cloud Service program: Go Live approval, CSE oversight, stage approval, load balancer, dispatcher paths and performance settings', () => {
    const f = freshFixture()
    const errors = fields(() =>
      f.coupled({
        productionOptions: { goLiveApproval: true, cseOversight: 'ANY_CSE' },
        approveAfterStageDeployment: true,
        skipDetachingDispatchers: true,
        dispatcherPaths: { stage: [{ path: '/content', type: 'FLUSH' }] },
        stageTesting: { sitesPageSets: ['NEW'], assetsSplit: { images: 50, pdfs: 50 } },
      }),
    )
    expect(Object.keys(errors).sort()).toEqual([
      'approveAfterStageDeployment',
      'dispatcherPaths.stage',
      'productionOptions.cseOversight',
      'productionOptions.goLiveApproval',
      'skipDetachingDispatchers',
      'stageTesting.assetsSplit',
      'stageTesting.sitesPageSets',
    ])
    expect(f.engine.state.pipelines).toEqual([])
  })
})

describe('the AMS options have their own rules', () => {
  it('dispatcher paths start with "/", appear once per environment, and only for environments the pipeline deploys to', () => {
    const f = amsFixture()
    const errors = fields(() =>
      f.stageOnly({
        dispatcherPaths: {
          stage: [
            { path: 'content/site', type: 'FLUSH' },
            { path: '/content/site', type: 'FLUSH' },
            { path: '/content/site', type: 'INVALIDATE' },
          ],
          prod: [{ path: '/content', type: 'FLUSH' }],
        },
      }),
    )
    expect(errors['dispatcherPaths.stage[0].path']).toMatch(/start with "\/"/)
    expect(errors['dispatcherPaths.stage[2].path']).toMatch(/already configured/)
    expect(errors['dispatcherPaths.prod']).toMatch(/does not deploy to a prod environment/)
  })

  it(`allows at most ${MAX_DISPATCHER_PATHS} dispatcher paths per environment`, () => {
    const f = amsFixture()
    const paths = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/p${i}`, type: 'FLUSH' as const }))
    expect(f.coupled({ dispatcherPaths: { stage: paths(100), prod: paths(100) } }).dispatcherPaths.prod).toHaveLength(100)
    const g = amsFixture()
    expect(fields(() => g.coupled({ dispatcherPaths: { prod: paths(101) } }))['dispatcherPaths.prod']).toMatch(/at most 100/)
  })

  it('needs at least one Sites page set and an Assets split of images and PDFs adding up to 100', () => {
    const f = amsFixture()
    const errors = fields(() => f.coupled({ stageTesting: { sitesPageSets: [], assetsSplit: { images: 70, pdfs: 20 } } }))
    expect(errors['stageTesting.sitesPageSets']).toMatch(/at least one/)
    expect(errors['stageTesting.assetsSplit']).toMatch(/add up to 100 \(now 90\)/)
  })

  it('keeps production options for pipelines that deploy to production, and the stage approval for those that deploy to stage', () => {
    const f = amsFixture()
    const errors = fields(() =>
      f.add({
        name: 'Dev',
        category: 'nonProduction',
        nonProdKind: 'deployment',
        repositoryId: f.repoId,
        branch: 'main',
        environmentIds: [f.devId],
        approveAfterStageDeployment: true,
        productionOptions: { goLiveApproval: true, scheduled: true, cseOversight: 'MY_CSE' },
      }),
    )
    expect(Object.keys(errors).sort()).toEqual([
      'approveAfterStageDeployment',
      'productionOptions.cseOversight',
      'productionOptions.goLiveApproval',
      'productionOptions.scheduled',
    ])
  })

  it('starts an AMS stage-only (pre-production) pipeline manually only (spec §K.13), while Cloud Service allows On Git Changes', () => {
    expect(fields(() => amsFixture().stageOnly({ trigger: 'ON_COMMIT' })).trigger).toMatch(/manually only/)
    expect(freshFixture().stageOnly({ trigger: 'ON_COMMIT' }).trigger).toBe('ON_COMMIT')
    expect(amsFixture().coupled({ trigger: 'ON_COMMIT' }).trigger).toBe('ON_COMMIT')
  })

  it('splits Sites traffic equally among the enabled page sets, the weights always adding up to 100', () => {
    expect(sitesWeights(['POPULAR', 'OTHER', 'NEW'])).toEqual({
      popularPagesWeight: 33,
      otherPagesWeight: 33,
      newPagesWeight: 34,
    })
    expect(sitesWeights(['POPULAR', 'NEW'])).toEqual({ popularPagesWeight: 50, otherPagesWeight: 0, newPagesWeight: 50 })
    fc.assert(
      fc.property(fc.subarray([...SITES_PAGE_SETS], { minLength: 1 }), (sets) => {
        const w = sitesWeights(sets)
        const values = [w.popularPagesWeight, w.otherPagesWeight, w.newPagesWeight]
        expect(values.reduce((a, b) => a + b, 0)).toBe(100)
        const enabled = values.filter((v) => v > 0)
        expect(enabled).toHaveLength(sets.length)
        expect(Math.max(...enabled) - Math.min(...enabled)).toBeLessThanOrEqual(1)
      }),
    )
  })
})

describe('who may change approval options and CSE oversight (spec §G.2)', () => {
  it('a Deployment Manager may turn Go Live approval and CSE oversight on, which adds the steps', () => {
    const f = amsFixture()
    const p = f.coupled()
    const updated = f.engine.updatePipeline(DM, f.programId, p.id, {
      productionOptions: { goLiveApproval: true, cseOversight: 'ANY_CSE' },
      approveAfterStageDeployment: true,
    })
    expect(updated.phases[3]?.steps.map((s) => s.action)).toEqual(['approval', 'managed', 'deploy'])
    expect(updated.phases[2]?.steps[1]?.action).toBe('approval')
  })

  it('others are told which permission each needs: Pipeline Modify Approval, Pipeline Modify Managed Deployment', () => {
    const f = amsFixture()
    const p = f.coupled()
    const approval = refusal(() =>
      f.engine.updatePipeline(PM, f.programId, p.id, { productionOptions: { goLiveApproval: true } }),
    )
    expect(approval.kind).toBe('forbidden')
    expect(approval.message).toMatch(/Pipeline Modify Approval.*Deployment Manager/)
    const stage = refusal(() => f.engine.updatePipeline(BO, f.programId, p.id, { approveAfterStageDeployment: true }))
    expect(stage.message).toMatch(/Pipeline Modify Approval/)
    const managed = refusal(() =>
      f.engine.updatePipeline(CSE, f.programId, p.id, { productionOptions: { cseOversight: 'MY_CSE' } }),
    )
    expect(managed.message).toMatch(/Pipeline Modify Managed Deployment/)
    expect(p.productionOptions).toMatchObject({ goLiveApproval: false, cseOversight: null })
    expect(p.approveAfterStageDeployment).toBe(false)
  })
})
