/**
 * The AMS contract over HTTP: program flavour, pipeline AMS options (accepted, represented,
 * refused field by field), AMS step links for the roles that decide them (the `cse` token for
 * CSE Support), emergency mode and the AMS fault actions.
 */
import { describe, expect, it } from 'vitest'
import type { Execution, StepState } from '../../contract/executions'
import type { Problem } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Pipeline, Program } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('ams-program')
const HOUR = 3_600_000
const href = (r: { _links?: Record<string, unknown> } | undefined, rel: string) =>
  (r?._links?.[rel] as { href: string } | undefined)?.href

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : undefined) as T
}

const call = (method: string, path: string, json?: unknown, role = 'admin') =>
  backend.api(path, { method, role, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })

async function program(): Promise<Program> {
  const list = await body<{ _embedded: { programs: Array<{ id: string }> } }>(await backend.api('/api/programs'), 200)
  return body<Program>(await backend.api(`/api/program/${list._embedded.programs[0]!.id}`), 200)
}

async function ids() {
  const p = await program()
  const envs = await body<{ _embedded: { environments: Array<{ id: string; type: string }> } }>(
    await backend.api(href(p, REL.environments)!),
    200,
  )
  const repos = await body<{ _embedded: { repositories: Array<{ id: string }> } }>(
    await backend.api(href(p, REL.repositories)!),
    200,
  )
  const env = (t: string) => envs._embedded.environments.find((e) => e.type === t)!.id
  return { program: p, stage: env('stage'), prod: env('prod'), dev: env('dev'), repo: repos._embedded.repositories[0]!.id }
}

async function createProduction(extra: Record<string, unknown> = {}): Promise<Pipeline> {
  const { program: p, stage, prod, repo } = await ids()
  return body<Pipeline>(
    await call(
      'POST',
      `/api/program/${p.id}/pipelines`,
      {
        name: 'AMS Production',
        category: 'production',
        repositoryId: repo,
        branch: 'main',
        environmentIds: [stage, prod],
        productionOptions: { goLiveApproval: true, scheduled: false, cseOversight: 'MY_CSE' },
        skipDetachingDispatchers: false,
        dispatcherPaths: {
          stage: [{ path: '/content/site', type: 'INVALIDATE' }],
          prod: [
            { path: '/content/site', type: 'INVALIDATE' },
            { path: '/etc.clientlibs', type: 'FLUSH' },
          ],
        },
        stageTesting: { sitesPageSets: ['POPULAR', 'NEW'], assetsSplit: { images: 60, pdfs: 40 } },
        ...extra,
      },
      'deployment-manager',
    ),
    201,
  )
}

const execution = async (e: Execution, role = 'admin') =>
  body<Execution>(await call('GET', href(e, 'self')!, undefined, role), 200)
const stepOf = (e: Execution, action: string, envType?: string) =>
  e._embedded.stepStates.find((s) => s.action === action && (!envType || s.environmentType === envType))!
const waiting = (e: Execution) => e._embedded.stepStates.find((s) => s.status === 'WAITING')

/** Moves the clock until the execution waits or ends. */
async function untilWaiting(e: Execution, role = 'admin'): Promise<Execution> {
  for (let i = 0; i < 48; i++) {
    const now = await execution(e, role)
    if (now.status !== 'RUNNING' || waiting(now)) return now
    backend.runtime.advance(HOUR / 2)
  }
  throw new Error('the execution neither waited nor ended')
}

describe('the program says its flavour', () => {
  it('type aem_managed_services, Emergency Mode enabled, licensed solutions and KPIs under x-sim', async () => {
    const p = await program()
    expect(p.type).toBe('aem_managed_services')
    expect(p['x-sim']).toMatchObject({ emergencyMode: true, solutions: ['sites', 'assets'], kpis: { responseTimeMs95: 1000 } })
  })
})

describe('AMS pipeline options', () => {
  it('are accepted and returned in the shapes of spec §C: x-sim settings, and step options in the public phases', async () => {
    const p = await createProduction()
    expect(p['x-sim']).toMatchObject({
      productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: true, cseOversight: 'MY_CSE' },
      approveAfterStageDeployment: false,
      skipDetachingDispatchers: false,
      dispatcherPaths: { stage: [{ path: '/content/site', type: 'INVALIDATE' }] },
      stageTesting: { productFunctional: false, sitesPageSets: ['POPULAR', 'NEW'], assetsSplit: { images: 60, pdfs: 40 } },
      runModes: ['NORMAL', 'EMERGENCY'],
      testingCategories: ['STATIC_CODE', 'PERFORMANCE', 'SECURITY'],
    })
    const steps = p.phases.flatMap((ph) => ph.steps ?? [])
    expect(steps.find((s) => s.name === 'managed')?.options).toEqual({ cse: 'MY_CSE' })
    expect(steps.find((s) => s.name === 'loadTest')?.options).toEqual({
      popularPagesWeight: 50,
      otherPagesWeight: 0,
      newPagesWeight: 50,
    })
    expect(steps.find((s) => s.name === 'assetsTest')?.options).toEqual({ imageAssetsWeight: 60, pdfAssetsWeight: 40 })
    const prodDeploy = p.phases.find((ph) => ph.environmentType === 'prod')?.steps?.find((s) => s.name === 'deploy')
    expect(prodDeploy?.options).toEqual({
      skipDetachingDispatchers: false,
      dispatcherCacheFlushPaths: ['/etc.clientlibs'],
      dispatcherCacheInvalidationPaths: ['/content/site'],
    })
  })

  it('are refused field by field with a validation problem, and nothing is created', async () => {
    const { program: p, stage, prod, repo } = await ids()
    const res = await call(
      'POST',
      `/api/program/${p.id}/pipelines`,
      {
        name: 'Bad',
        category: 'production',
        repositoryId: repo,
        branch: 'main',
        environmentIds: [stage, prod],
        productionOptions: { pauseBeforeProd: true },
        stageTesting: { customUi: true, sitesPageSets: [], assetsSplit: { images: 10, pdfs: 10 } },
        dispatcherPaths: { prod: [{ path: 'no-slash', type: 'FLUSH' }] },
      },
      'deployment-manager',
    )
    const problem = await body<Problem>(res, 400)
    expect(res.headers.get('Content-Type')).toMatch(/application\/problem\+json/)
    expect(Object.keys(problem.errors as object).sort()).toEqual([
      'createPipeline.dispatcherPaths.prod[0].path',
      'createPipeline.productionOptions.pauseBeforeProd',
      'createPipeline.stageTesting.assetsSplit',
      'createPipeline.stageTesting.customUi',
      'createPipeline.stageTesting.sitesPageSets',
    ])
    const list = await body<{ _embedded: { pipelines: unknown[] } }>(await backend.api(href(p, REL.pipelines)!), 200)
    expect(list._embedded.pipelines).toEqual([])
  })

  it('custom assets test files are accepted and returned; bad ones are refused field by field; an edit may add but not remove one', async () => {
    const files = [
      { format: 'PDF', fileName: 'brochure.pdf' },
      { format: 'IMAGE', fileName: 'hero.png' },
    ]
    const p = await createProduction({ stageTesting: { assetsTestFiles: files } })
    expect(p['x-sim'].stageTesting.assetsTestFiles).toEqual(files)

    const { program: prog, stage, prod, repo } = await ids()
    const refused = await body<Problem>(
      await call(
        'POST',
        `/api/program/${prog.id}/pipelines`,
        {
          name: 'Bad files',
          category: 'stageOnly',
          repositoryId: repo,
          branch: 'main',
          environmentIds: [stage],
          stageTesting: {
            assetsTestFiles: [
              { format: 'PDF', fileName: 'photo.png' },
              { format: 'IMAGE', fileName: 'a.png' },
              { format: 'IMAGE', fileName: 'a.png' },
            ],
          },
        },
        'deployment-manager',
      ),
      400,
    )
    expect(Object.keys(refused.errors as object).sort()).toEqual([
      'createPipeline.stageTesting.assetsTestFiles[0].fileName',
      'createPipeline.stageTesting.assetsTestFiles[2].fileName',
    ])
    const unknownFormat = await body<Problem>(
      await call('POST', `/api/program/${prog.id}/pipelines`, {
        name: 'Word',
        category: 'production',
        repositoryId: repo,
        branch: 'main',
        environmentIds: [stage, prod],
        stageTesting: { assetsTestFiles: [{ format: 'WORD', fileName: 'a.docx' }] },
      }),
      400,
    )
    expect(JSON.stringify(unknownFormat.errors)).toMatch(/stageTesting\.assetsTestFiles\[0\]\.format/)

    const added = [...files, { format: 'PDF', fileName: 'manual.pdf' }]
    const updated = await body<Pipeline>(
      await call('PATCH', href(p, 'self')!, { stageTesting: { assetsTestFiles: added } }, 'deployment-manager'),
      200,
    )
    expect(updated['x-sim'].stageTesting.assetsTestFiles).toEqual(added)
    const removal = await body<Problem>(
      await call('PATCH', href(p, 'self')!, { stageTesting: { assetsTestFiles: [added[0]] } }, 'deployment-manager'),
      400,
    )
    expect(removal.errors).toEqual({
      'patchPipeline.stageTesting.assetsTestFiles': expect.objectContaining({
        message: '"hero.png" and "manual.pdf" were uploaded with the pipeline and cannot be removed while editing it.',
      }),
    })
    const after = await body<Pipeline>(await call('GET', href(p, 'self')!), 200)
    expect(after['x-sim'].stageTesting.assetsTestFiles).toEqual(added)
  })

  it('refuses a dispatcher path TYPE other than FLUSH or INVALIDATE, and a CSE oversight other than MY_CSE or ANY_CSE', async () => {
    const { program: p, stage, prod, repo } = await ids()
    const problem = await body<Problem>(
      await call('POST', `/api/program/${p.id}/pipelines`, {
        name: 'Bad',
        category: 'production',
        repositoryId: repo,
        branch: 'main',
        environmentIds: [stage, prod],
        productionOptions: { cseOversight: 'SOME_CSE' },
        dispatcherPaths: { stage: [{ path: '/a', type: 'PURGE' }] },
      }),
      400,
    )
    expect(JSON.stringify(problem.errors)).toMatch(/productionOptions\.cseOversight/)
    expect(JSON.stringify(problem.errors)).toMatch(/dispatcherPaths\.stage\[0\]\.type/)
  })

  it('editing Go Live approval as a Program Manager is 403 naming Pipeline Modify Approval; a Deployment Manager may', async () => {
    const p = await createProduction()
    const refused = await body<Problem>(
      await call('PATCH', href(p, 'self')!, { productionOptions: { goLiveApproval: false } }, 'program-manager'),
      403,
    )
    expect(refused.detail).toMatch(/Pipeline Modify Approval/)
    const cse = await body<Problem>(
      await call('PATCH', href(p, 'self')!, { productionOptions: { cseOversight: 'ANY_CSE' } }, 'cse'),
      403,
    )
    expect(cse.detail).toMatch(/Pipeline Modify Managed Deployment/)
    const updated = await body<Pipeline>(
      await call(
        'PATCH',
        href(p, 'self')!,
        { productionOptions: { goLiveApproval: false, cseOversight: null } },
        'deployment-manager',
      ),
      200,
    )
    expect(updated.phases.at(-1)?.steps?.map((s) => s.name)).toEqual(['deploy'])
    expect(updated['x-sim'].readOnlySettings).toEqual({})
    const asPm = await body<Pipeline>(await call('GET', href(p, 'self')!, undefined, 'program-manager'), 200)
    expect(Object.keys(asPm['x-sim'].readOnlySettings ?? {}).sort()).toEqual(['approval', 'cseOversight'])
  })

  it('PATCH with public phases and step options (Swagger PipelineStepUpdate) changes dispatcher paths, the CSE and test weights', async () => {
    const p = await createProduction()
    const updated = await body<Pipeline>(
      await call(
        'PATCH',
        href(p, 'self')!,
        {
          phases: [
            {
              name: 'DEPLOY_2',
              type: 'DEPLOY',
              steps: [
                { name: 'managed', options: { cse: 'ANY_CSE' } },
                { name: 'deploy', options: { dispatcherCacheFlushPaths: ['/content/new'], skipDetachingDispatchers: true } },
              ],
            },
            {
              name: 'DEPLOY_1',
              type: 'DEPLOY',
              steps: [
                { name: 'loadTest', options: { popularPagesWeight: 100, newPagesWeight: 0 } },
                { name: 'assetsTest', options: { imageAssetsWeight: 20, pdfAssetsWeight: 80 } },
              ],
            },
          ],
        },
        'deployment-manager',
      ),
      200,
    )
    expect(updated['x-sim']).toMatchObject({
      productionOptions: { cseOversight: 'ANY_CSE' },
      skipDetachingDispatchers: true,
      dispatcherPaths: {
        stage: [{ path: '/content/site', type: 'INVALIDATE' }],
        prod: [
          { path: '/content/new', type: 'FLUSH' },
          { path: '/content/site', type: 'INVALIDATE' },
        ],
      },
      stageTesting: { sitesPageSets: ['POPULAR'], assetsSplit: { images: 20, pdfs: 80 } },
    })
    const bad = await body<Problem>(
      await call(
        'PATCH',
        href(p, 'self')!,
        { phases: [{ name: 'DEPLOY_1', type: 'DEPLOY', steps: [{ name: 'assetsTest', options: { imageAssetsWeight: 50 } }] }] },
        'deployment-manager',
      ),
      400,
    )
    expect(Object.keys(bad.errors as object)).toEqual(['patchPipeline.stageTesting.assetsSplit'])
  })

  it('a stage-only AMS pipeline On Git Changes is refused (pre-production pipelines are manual only)', async () => {
    const { program: p, stage, repo } = await ids()
    const problem = await body<Problem>(
      await call('POST', `/api/program/${p.id}/pipelines`, {
        name: 'Preprod',
        category: 'stageOnly',
        repositoryId: repo,
        branch: 'main',
        environmentIds: [stage],
        trigger: 'ON_COMMIT',
      }),
      400,
    )
    expect(Object.keys(problem.errors as object)).toEqual(['createPipeline.trigger'])
  })
})

describe('an AMS execution over HTTP', () => {
  it('gives the phase groups, then links each gate to the roles that decide it: the security override, Go Live approval, and CSE Support for the cse token only', async () => {
    const p = await createProduction()
    await body(
      await call('POST', '/__sim/faults', { pipelineId: p.id, action: 'securityTest', status: 'FAILED', metric: 'important' }),
      201,
    )
    let e = await body<Execution>(await call('PUT', href(p, REL.execution)!, undefined, 'deployment-manager'), 201)
    expect(e['x-sim'].flavour).toBe('ams')
    expect(e['x-sim'].phaseGroups?.map((g) => g.title)).toEqual(['Stage Deployment', 'Stage Testing', 'Production Deployment'])
    expect(stepOf(e, 'securityTest')['x-sim']).toMatchObject({ label: 'Security Testing', group: 'stage-testing' })

    e = await untilWaiting(e)
    let gate = waiting(e)!
    expect(gate.action).toBe('securityTest')
    expect(href(gate, REL.stepMetrics)).toBeDefined()
    const asCse = stepOf(await execution(e, 'cse'), 'securityTest')
    expect(href(asCse, REL.advance)).toBeUndefined()
    expect(asCse['x-sim'].blocked.advance?.reason).toMatch(/CSE Support and production schedules only/)
    expect(gate['x-sim'].waitingFor?.roles).toEqual(['business-owner', 'deployment-manager', 'program-manager'])
    const metrics = await body<{ metrics: Array<{ kpi: string; severity: string; passed: boolean }> }>(
      await backend.api(href(gate, REL.stepMetrics)!),
      200,
    )
    const failing = metrics.metrics.filter((m) => m.severity === 'important' && !m.passed)
    expect(failing.length).toBeGreaterThan(0)
    await body(
      await call('PUT', href(gate, REL.advance)!, { metrics: failing.map((m) => ({ ...m, override: true })) }, 'program-manager'),
      202,
    )

    e = await untilWaiting(e)
    gate = waiting(e)!
    expect([gate.action, gate.environmentType, gate['x-sim'].label]).toEqual(['approval', 'prod', 'Go Live Approval'])
    expect(gate.details.environmentUrls?.map((u) => u.instanceType)).toEqual(['author', 'publish'])
    expect(await body<Problem>(await call('PUT', href(gate, REL.advance)!, { approved: true }, 'cse'), 403)).toMatchObject({
      status: 403,
    })
    await body(await call('PUT', href(gate, REL.advance)!, { approved: true }, 'business-owner'), 202)

    e = await untilWaiting(e)
    gate = waiting(e)!
    expect([gate.action, gate['x-sim'].label, gate['x-sim'].cse]).toEqual(['managed', 'CSE Support', 'MY_CSE'])
    expect(href(gate, REL.advance)).toBeUndefined()
    expect(href(gate, REL.cancel)).toBeUndefined()
    expect(gate['x-sim'].waitingFor).toEqual({
      roles: ['cse'],
      description: 'Waiting for your assigned Customer Success Engineer (My CSE) to start or reject the production deployment.',
    })
    expect(gate['x-sim'].blocked.advance?.reason).toMatch(/only a CSE may start or reject it/)
    await body<Problem>(await call('PUT', `${href(gate, 'self')}/advance`, { start: true }, 'admin'), 403)
    const forCse = waiting(await execution(e, 'cse'))!
    expect(href(forCse, REL.advance)).toBe(`${href(forCse, 'self')}/advance`)
    expect(href(forCse, REL.cancel)).toBe(`${href(forCse, 'self')}/cancel`)
    await body<Problem>(await call('PUT', href(forCse, REL.advance)!, { approved: true }, 'cse'), 400)
    await body(await call('PUT', href(forCse, REL.advance)!, { start: true }, 'cse'), 202)

    backend.runtime.advance(2 * HOUR)
    e = await execution(e)
    expect(stepOf(e, 'managed')).toMatchObject({ status: 'FINISHED', details: { input: { start: true } } })
    expect(e.status).toBe('FINISHED')
  })

  it('a CSE rejecting CSE Support with {"start": false} cancels the execution', async () => {
    const p = await createProduction({ productionOptions: { goLiveApproval: false, cseOversight: 'ANY_CSE' } })
    let e = await body<Execution>(await call('PUT', href(p, REL.execution)!), 201)
    e = await untilWaiting(e, 'cse')
    const managed = waiting(e)!
    expect(managed['x-sim'].waitingFor?.description).toMatch(/a Customer Success Engineer \(Any CSE\)/)
    await body(await call('PUT', href(managed, REL.cancel)!, { start: false }, 'cse'), 202)
    e = await execution(e)
    expect([e.status, stepOf(e, 'managed').status]).toEqual(['CANCELLED', 'CANCELLED'])
  })

  it('shows the rolling production deploy live: load balancer detach and attach per dispatcher and the configured flush and invalidate', async () => {
    const p = await createProduction({ productionOptions: { goLiveApproval: false, cseOversight: null } })
    let e = await body<Execution>(await call('PUT', href(p, REL.execution)!), 201)
    for (let i = 0; i < 200 && stepOf(e, 'deploy', 'prod').status !== 'RUNNING'; i++) {
      backend.runtime.advance(5 * 60_000)
      e = await execution(e)
    }
    const deploy = stepOf(e, 'deploy', 'prod')
    expect(deploy['x-sim'].deployOptions).toEqual({
      skipDetachingDispatchers: false,
      dispatcherPaths: [
        { path: '/content/site', type: 'INVALIDATE' },
        { path: '/etc.clientlibs', type: 'FLUSH' },
      ],
    })
    const planned = JSON.parse(deploy.details.deployCommands!) as Array<{ stepAction: string; instanceId: string }>
    expect(planned.map((c) => `${c.stepAction} ${c.instanceId}`).slice(0, 6)).toEqual([
      'install-client-packages author1',
      'manage-elb-links-detach dispatcher1',
      'install-client-packages publish1',
      'flush-dispatcher-cache dispatcher1',
      'invalidate-dispatcher-cache dispatcher1',
      'manage-elb-links-attach dispatcher1',
    ])
    expect(deploy.details.currentDeployCommandId).toBe(
      String(deploy['x-sim'].activities!.find((a) => a.status === 'RUNNING')!.id),
    )
    backend.runtime.advance(2 * HOUR)
    const done = stepOf(await execution(e), 'deploy', 'prod')
    expect(JSON.parse(done.details.deploymentStepDescription!)).toHaveLength(planned.length)
    // The logs link redirects (307) to the plain-text download, which fetch follows.
    const text = await (await backend.api(href(done, REL.stepLogs)!, { headers: { Accept: 'text/plain' } })).text()
    expect(text).toMatch(/Detach dispatcher2 from the load balancer/)
    expect(text).toMatch(/Invalidate \/content\/site on dispatcher2/)
  })
})

describe('emergency mode over HTTP', () => {
  it('PUT …/execution?pipelineExecutionMode=EMERGENCY skips security, performance and experience audit, and says which', async () => {
    const p = await createProduction({ stageTesting: { experienceAudit: true } })
    const e = await body<Execution>(await call('PUT', `${href(p, REL.execution)}?pipelineExecutionMode=EMERGENCY`), 201)
    expect(e.pipelineExecutionMode).toBe('EMERGENCY')
    expect(e._embedded.stepStates.map((s: StepState) => s.action)).toEqual([
      'validate',
      'build',
      'codeQuality',
      'deploy',
      'approval',
      'managed',
      'deploy',
    ])
    expect(e['x-sim'].skippedActions).toEqual(['securityTest', 'loadTest', 'assetsTest', 'reportPerformanceTest', 'contentAudit'])
  })

  it('is refused with 400 on an AMS program without Emergency Mode enabled, which also drops EMERGENCY from runModes', async () => {
    const p = await createProduction()
    backend.runtime.engine.state.programs[0]!.emergencyModeEnabled = false
    const problem = await body<Problem>(await call('PUT', `${href(p, REL.execution)}?pipelineExecutionMode=EMERGENCY`), 400)
    expect(JSON.stringify(problem.errors)).toMatch(/pipelineExecutionMode/)
    const again = await body<Pipeline>(await call('GET', href(p, 'self')!), 200)
    expect(again['x-sim'].runModes).toEqual(['NORMAL'])
    expect(again['x-sim'].blocked.emergency?.reason).toMatch(/not enabled/)
    expect(again.status).toBe('IDLE')
  })
})

describe('the cse token', () => {
  it('is not part of admin, reads everything, and may not start, create or change anything', async () => {
    const p = await createProduction()
    const asCse = await body<Pipeline>(await call('GET', href(p, 'self')!, undefined, 'cse'), 200)
    expect(asCse['x-sim'].blocked.start?.reason).toMatch(/Business Owner, Deployment Manager, Program Manager/)
    await body<Problem>(await call('PUT', href(p, REL.execution)!, undefined, 'cse'), 403)
    await body<Problem>(
      await call('POST', `/api/program/${p.programId}/pipelines`, { name: 'X', category: 'production' }, 'cse'),
      403,
    )
    await body<Problem>(await call('PATCH', href(p, REL.variables)!, [{ name: 'A', value: 'b' }], 'cse'), 403)
    await body<Problem>(await call('DELETE', href(p, 'self')!, undefined, 'cse'), 403)
    await body<Problem>(await call('GET', '/api/programs', undefined, 'cse,admin'), 401)
  })
})

describe('AMS fault actions', () => {
  it('accept securityTest, loadTest and reportPerformanceTest with an important or critical metric; refuse metrics elsewhere', async () => {
    const p = await createProduction()
    for (const [action, metric] of [
      ['securityTest', 'important'],
      ['loadTest', 'critical'],
      ['reportPerformanceTest', 'important'],
    ] as const) {
      expect(
        await body(await call('POST', '/__sim/faults', { pipelineId: p.id, action, status: 'FAILED', metric }), 201),
      ).toMatchObject({
        action,
        metric,
      })
    }
    const refused = await body<Problem>(
      await call('POST', '/__sim/faults', { pipelineId: p.id, action: 'assetsTest', status: 'FAILED', metric: 'critical' }),
      400,
    )
    expect(JSON.stringify(refused)).toMatch(/metric/)
    await body<Problem>(await call('POST', '/__sim/faults', { pipelineId: p.id, action: 'managed', status: 'FAILED' }), 400)
  })

  it('a critical performance failure fails the execution at Performance Testing', async () => {
    const p = await createProduction()
    await body(
      await call('POST', '/__sim/faults', { pipelineId: p.id, action: 'loadTest', status: 'FAILED', metric: 'critical' }),
      201,
    )
    const e = await untilWaiting(await body<Execution>(await call('PUT', href(p, REL.execution)!), 201))
    expect(e.status).toBe('FAILED')
    expect(stepOf(e, 'loadTest')).toMatchObject({ status: 'FAILED', 'x-sim': { label: 'Performance Testing' } })
    expect(e['x-sim'].failureReason).toMatch(/Performance Testing found critical failures/)
  })
})
