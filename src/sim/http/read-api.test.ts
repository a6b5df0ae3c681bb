import { describe, expect, it } from 'vitest'
import { REL } from '../../contract/rels'
import type {
  BranchList,
  EnvironmentList,
  Pipeline,
  PipelineList,
  Program,
  ProgramList,
  RepositoryList,
} from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('fresh-program')

const json = async <T>(path: string, role = 'admin'): Promise<T> => {
  const res = await backend.api(path, { role })
  expect(res.status, `${path} answers 200`).toBe(200)
  return (await res.json()) as T
}

const href = (resource: { _links?: Record<string, unknown> }, rel: string) =>
  (resource._links?.[rel] as { href: string } | undefined)?.href

describe('the read API', () => {
  it('lists Fresh Program as the only program, with self and tenant links', async () => {
    const list = await json<ProgramList>('/api/programs')
    expect(list._totalNumberOfItems).toBe(1)
    const [program] = list._embedded.programs
    expect(program).toMatchObject({ name: 'Fresh Program', enabled: true, status: 'ready' })
    expect(href(program!, 'self')).toBe(`/api/program/${program!.id}`)
    expect(href(program!, REL.tenant)).toBeDefined()
  })

  it('follows the program links to its environments, repositories, branches and pipelines', async () => {
    const list = await json<ProgramList>('/api/programs')
    const program = await json<Program>(href(list._embedded.programs[0]!, 'self')!)
    expect(program.type).toBe('aem_cloud_service')

    const envs = await json<EnvironmentList>(href(program, REL.environments)!)
    expect(envs._embedded.environments.map((e) => [e.name, e.type, e.status])).toEqual([
      ['fresh-dev', 'dev', 'ready'],
      ['fresh-stage', 'stage', 'ready'],
      ['fresh-prod', 'prod', 'ready'],
    ])
    expect(href(envs._embedded.environments[0]!, REL.variables)).toMatch(/\/variables$/)

    const repos = await json<RepositoryList>(href(program, REL.repositories)!)
    expect(repos._embedded.repositories.map((r) => r.repo)).toEqual(['fresh-repo'])
    const branches = await json<BranchList>(href(repos._embedded.repositories[0]!, REL.branches)!)
    expect(branches._embedded.branches.map((b) => b.name)).toEqual(['main', 'develop'])

    const pipelines = await json<PipelineList>(href(program, REL.pipelines)!)
    expect(pipelines._totalNumberOfItems).toBe(0)
    expect(pipelines._embedded.pipelines).toEqual([])
  })

  it('filters environments by type', async () => {
    const envs = await json<EnvironmentList>('/api/program/1/environments?type=stage')
    expect(envs._embedded.environments.map((e) => e.name)).toEqual(['fresh-stage'])
  })

  it('says which Add Pipeline entries are available and why not', async () => {
    const program = await json<Program>('/api/program/1', 'deployment-manager')
    expect(program['x-sim']!.addPipeline.production).toEqual({ allowed: true })
    expect(program['x-sim']!.addPipeline.prodOnly.allowed).toBe(false)
    expect(program['x-sim']!.addPipeline.prodOnly.reason).toMatch(/stage-only pipeline first/)
    const asDeveloper = await json<Program>('/api/program/1', 'developer')
    expect(asDeveloper['x-sim']!.addPipeline.production.reason).toMatch(/Deployment Manager/)
  })

  it('represents a created pipeline with the Cloud Manager rels and derived phases', async () => {
    const res = await backend.api('/api/program/1/pipelines', {
      method: 'POST',
      role: 'deployment-manager',
      body: JSON.stringify({
        name: 'Main',
        category: 'production',
        repositoryId: '5',
        branch: 'main',
        environmentIds: ['3', '4'],
      }),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Pipeline
    expect(res.headers.get('Location')).toBe(`/api/program/1/pipeline/${created.id}`)
    const pipeline = await json<Pipeline>(href(created, 'self')!)
    expect(pipeline).toMatchObject({ name: 'Main', trigger: 'MANUAL', status: 'IDLE', type: 'CI_CD' })
    expect(pipeline.phases.map((p) => [p.name, p.type])).toEqual([
      ['VALIDATE', 'VALIDATE'],
      ['BUILD_1', 'BUILD'],
      ['DEPLOY_1', 'DEPLOY'],
      ['DEPLOY_2', 'DEPLOY'],
    ])
    for (const rel of [REL.program, REL.execution, REL.executionById, REL.executions, REL.variables]) {
      expect(href(pipeline, rel), rel).toBeDefined()
    }
    expect((pipeline._links![REL.executionById] as { templated: boolean }).templated).toBe(true)
  })
})

describe('errors', () => {
  it('answers 401 problem+json without a token', async () => {
    const res = await backend.api('/api/programs', { role: '' })
    expect(res.status).toBe(401)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' })
  })

  it('answers 401 for a token that names no role', async () => {
    const res = await backend.api('/api/programs', { role: 'root' })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Unknown token/)
  })

  it.each([
    '/api/program/999',
    '/api/program/1/pipeline/999',
    '/api/program/1/repository/999/branches',
    '/api/program/1/environment/999',
    '/api/nothing/here',
  ])('answers 404 problem+json for %s', async (path) => {
    const res = await backend.api(path)
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect(((await res.json()) as { status: number }).status).toBe(404)
  })

  it('answers 400 with field errors for an invalid pipeline and creates nothing', async () => {
    const res = await backend.api('/api/program/1/pipelines', {
      method: 'POST',
      body: JSON.stringify({ name: '', category: 'production', repositoryId: '5', branch: 'nope', environmentIds: ['3', '4'] }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: Record<string, { field: string; message: string }> }
    expect(Object.keys(body.errors).sort()).toEqual(['createPipeline.branch', 'createPipeline.name'])
    expect((await json<PipelineList>('/api/program/1/pipelines'))._totalNumberOfItems).toBe(0)
  })

  it('answers 400 for a body that is not JSON', async () => {
    const res = await backend.api('/api/program/1/pipelines', { method: 'POST', body: '{"name": ' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/not valid JSON/)
  })
})

describe('the simulator control API', () => {
  it('reports, advances and pauses the virtual clock', async () => {
    const clock = (await (await fetch('/__sim/clock')).json()) as { now: string; paused: boolean }
    expect(clock.paused).toBe(true)
    const advanced = (await (
      await fetch('/__sim/clock/advance', { method: 'POST', body: JSON.stringify({ ms: 3_600_000 }) })
    ).json()) as { now: string }
    expect(Date.parse(advanced.now) - Date.parse(clock.now)).toBe(3_600_000)
    const set = (await (
      await fetch('/__sim/clock', { method: 'PUT', body: JSON.stringify({ speed: 600, paused: false }) })
    ).json()) as { speed: number; paused: boolean }
    expect(set).toMatchObject({ speed: 600, paused: false })
  })

  it('lists scenarios and resets to one, refusing unknown names', async () => {
    const list = (await (await fetch('/__sim/scenarios')).json()) as { scenarios: Array<{ name: string }> }
    expect(list.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['demo', 'fresh-program']))
    const ok = await fetch('/__sim/reset', { method: 'POST', body: JSON.stringify({ scenario: 'demo', seed: 7 }) })
    expect(ok.status).toBe(200)
    expect((await json<ProgramList>('/api/programs'))._totalNumberOfItems).toBeGreaterThan(1)
    const bad = await fetch('/__sim/reset', { method: 'POST', body: JSON.stringify({ scenario: 'nope' }) })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('Content-Type')).toContain('application/problem+json')
  })
})
