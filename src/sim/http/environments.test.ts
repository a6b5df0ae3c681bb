import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type Problem, type ProblemFieldError } from '../../contract/problem'
import type { Environment, EnvironmentList, Pipeline, Program } from '../../contract/resources'
import type { Environment as EnvironmentModel } from '../../engine/model'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('fresh-program')
afterEach(() => vi.restoreAllMocks())

const DAY = 24 * 3600 * 1000
const engine = () => backend.runtime.engine
const envNamed = (name: string) =>
  engine()
    .environments('1')
    .find((e) => e.name === name) as EnvironmentModel

async function call(path: string, init: { method?: string; body?: unknown; role?: string; raw?: string } = {}) {
  const { method = 'GET', body, role = 'admin', raw } = init
  const res = await backend.api(path, {
    method,
    role,
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    contentType: res.headers.get('Content-Type'),
    text,
    json: text ? (JSON.parse(text) as unknown) : null,
  }
}

const fieldKeys = (problem: unknown) => Object.keys((problem as Problem).errors as Record<string, ProblemFieldError>)
const fieldError = (problem: unknown, key: string) => ((problem as Problem).errors as Record<string, ProblemFieldError>)[key]
const advance = (ms: number) => call('/__sim/clock/advance', { method: 'POST', body: { ms } })
const REQUESTS = '/api/program/1/environments/additionalStageRequests'

describe('adding an environment over HTTP', () => {
  it('answers 201 with the new environment, creating, and a Location; it is ready later', async () => {
    const res = await call('/api/program/1/environments', {
      method: 'POST',
      role: 'deployment-manager',
      body: { name: 'fresh-dev-2', type: 'dev', region: 'va7', description: 'Second development environment' },
    })
    expect(res.status).toBe(201)
    const env = res.json as Environment
    expect(env).toMatchObject({
      programId: '1',
      name: 'fresh-dev-2',
      description: 'Second development environment',
      type: 'dev',
      status: 'creating',
      region: 'va7',
      'x-sim': { isAdditionalStage: false },
    })
    expect(res.headers.get('Location')).toBe(`/api/program/1/environment/${env.id}`)
    await advance(3600 * 1000)
    expect(((await call(`/api/program/1/environment/${env.id}`)).json as Environment).status).toBe('ready')
  })

  it('is open to Business Owners too', async () => {
    const res = await call('/api/program/1/environments', {
      method: 'POST',
      role: 'business-owner',
      body: { name: 'fresh-rde', type: 'rde', region: 'va7' },
    })
    expect(res.status).toBe(201)
  })

  it('answers 403 naming the roles that may, even for a malformed body', async () => {
    for (const role of ['program-manager', 'developer']) {
      const res = await call('/api/program/1/environments', { method: 'POST', role, body: { nonsense: true } })
      expect(res.status).toBe(403)
      expect(res.contentType).toContain(PROBLEM_CONTENT_TYPE)
      expect((res.json as Problem).detail).toMatch(/add environments: this needs Business Owner, Deployment Manager/)
    }
  })

  it('lists every field problem at once', async () => {
    const res = await call('/api/program/1/environments', { method: 'POST', body: { name: '123', type: 'preprod', region: '' } })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ type: PROBLEM_TYPES.validation })
    expect(fieldKeys(res.json)).toEqual(['createEnvironment.name', 'createEnvironment.type', 'createEnvironment.region'])
    expect(fieldError(res.json, 'createEnvironment.name')?.message).toMatch(/at least one letter/)
  })

  it('refuses a name already used in the program and a second stage environment', async () => {
    const res = await call('/api/program/1/environments', {
      method: 'POST',
      body: { name: 'Fresh-Stage', type: 'stage', region: 'va7' },
    })
    expect(res.status).toBe(400)
    expect(fieldKeys(res.json)).toEqual(['createEnvironment.name', 'createEnvironment.type'])
  })

  it('refuses unknown fields and missing required ones', async () => {
    const res = await call('/api/program/1/environments', {
      method: 'POST',
      body: { name: 'x-dev', type: 'dev', isAdditionalStage: true },
    })
    expect(res.status).toBe(400)
    expect(fieldKeys(res.json).sort()).toEqual(['createEnvironment.body', 'createEnvironment.region'].sort())
  })

  it('answers 404 for an unknown program', async () => {
    expect(
      (await call('/api/program/99/environments', { method: 'POST', body: { name: 'x', type: 'dev', region: 'va7' } })).status,
    ).toBe(404)
  })
})

describe('deleting an environment over HTTP', () => {
  it('answers 204 and the environment is gone', async () => {
    const dev = envNamed('fresh-dev')
    const res = await call(`/api/program/1/environment/${dev.id}`, { method: 'DELETE', role: 'business-owner' })
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await call(`/api/program/1/environment/${dev.id}`)).status).toBe(404)
    const list = (await call('/api/program/1/environments')).json as EnvironmentList
    expect(list._embedded.environments.map((e) => e.name)).toEqual(['fresh-stage', 'fresh-prod'])
  })

  it('answers 400 for production and for the stage paired with it', async () => {
    const prod = await call(`/api/program/1/environment/${envNamed('fresh-prod').id}`, { method: 'DELETE' })
    expect(prod.status).toBe(400)
    expect((prod.json as Problem).detail).toMatch(/production environment; it cannot be deleted/)
    expect((await call(`/api/program/1/environment/${envNamed('fresh-stage').id}`, { method: 'DELETE' })).status).toBe(400)
  })

  it('answers 409 naming the pipeline that deploys to it', async () => {
    const dev = envNamed('fresh-dev')
    const created = await call('/api/program/1/pipelines', {
      method: 'POST',
      role: 'deployment-manager',
      body: {
        name: 'Dev Deploy',
        category: 'nonProduction',
        nonProdKind: 'deployment',
        repositoryId: engine().repositories('1')[0]!.id,
        branch: 'main',
        environmentIds: [dev.id],
      },
    })
    expect(created.status).toBe(201)
    const res = await call(`/api/program/1/environment/${dev.id}`, { method: 'DELETE', role: 'deployment-manager' })
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({
      type: PROBLEM_TYPES.conflict,
      detail: expect.stringMatching(/Pipeline "Dev Deploy" deploys to "fresh-dev"/),
      'x-sim': { pipelineId: (created.json as Pipeline).id },
    })
  })

  it('answers 412 while a running pipeline holds it', async () => {
    const dev = envNamed('fresh-dev')
    vi.spyOn(engine(), 'environmentLock').mockReturnValue({
      pipelineId: '9',
      pipelineName: 'Dev Deploy',
      executionId: '10',
      reason: 'Dev Deploy is deploying.',
    })
    const res = await call(`/api/program/1/environment/${dev.id}`, { method: 'DELETE' })
    expect(res.status).toBe(412)
    expect(res.json).toMatchObject({ 'x-sim': { pipelineId: '9', executionId: '10' } })
  })

  it('answers 403 to Program Managers and Developers and 404 for an unknown environment', async () => {
    const dev = envNamed('fresh-dev')
    for (const role of ['program-manager', 'developer']) {
      const res = await call(`/api/program/1/environment/${dev.id}`, { method: 'DELETE', role })
      expect(res.status).toBe(403)
      expect((res.json as Problem).detail).toMatch(/delete environments: this needs Business Owner, Deployment Manager/)
    }
    expect((await call('/api/program/1/environment/999', { method: 'DELETE' })).status).toBe(404)
  })
})

describe('requesting an additional staging environment over HTTP', () => {
  it('answers 202 with a creating, additional stage environment in the primary region', async () => {
    const res = await call(REQUESTS, {
      method: 'POST',
      role: 'business-owner',
      body: { name: 'fresh-stage-2', description: 'UAT', baseBranch: 'INTEGRATION' },
    })
    expect(res.status).toBe(202)
    const env = res.json as Environment
    expect(env).toMatchObject({
      name: 'fresh-stage-2',
      description: 'UAT',
      type: 'stage',
      status: 'creating',
      region: envNamed('fresh-stage').region,
      'x-sim': { isAdditionalStage: true, request: { baseBranch: 'INTEGRATION' } },
    })
    const { requestedAt, readyAt } = env['x-sim']!.request!
    const days = (Date.parse(readyAt) - Date.parse(requestedAt)) / DAY
    expect(days).toBeGreaterThanOrEqual(3)
    expect(days).toBeLessThanOrEqual(14)
    expect(res.headers.get('Location')).toBe(`/api/program/1/environment/${env.id}`)
    const stages = (await call('/api/program/1/environments?type=stage')).json as EnvironmentList
    expect(stages._embedded.environments.map((e) => e.name)).toEqual(['fresh-stage', 'fresh-stage-2'])
  })

  it('is provisioned when the virtual clock reaches the ready time', async () => {
    const env = (await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-2', baseBranch: 'MASTER' } }))
      .json as Environment
    const readyAt = Date.parse(env['x-sim']!.request!.readyAt)
    await advance(readyAt - engine().now - 1)
    expect(((await call(`/api/program/1/environment/${env.id}`)).json as Environment).status).toBe('creating')
    await advance(1)
    expect(((await call(`/api/program/1/environment/${env.id}`)).json as Environment).status).toBe('ready')
  })

  it('answers 403 to everyone but a Business Owner', async () => {
    for (const role of ['deployment-manager', 'program-manager', 'developer']) {
      const res = await call(REQUESTS, { method: 'POST', role, body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION' } })
      expect(res.status).toBe(403)
      expect((res.json as Problem).detail).toMatch(/this needs Business Owner\./)
    }
  })

  it('answers 400 for any copy from Staging or Production', async () => {
    for (const copyFrom of ['stage', 'prod', 'anything']) {
      const res = await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION', copyFrom } })
      expect(res.status).toBe(400)
      expect(fieldKeys(res.json)).toEqual(['requestAdditionalStage.copyFrom'])
      expect(fieldError(res.json, 'requestAdditionalStage.copyFrom')?.message).toMatch(
        /cannot be copied from Staging or Production/,
      )
    }
  })

  it('answers 400 for a region other than that of Stage and Production, and accepts the same one', async () => {
    const other = await call(REQUESTS, {
      method: 'POST',
      body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION', region: 'nld2' },
    })
    expect(other.status).toBe(400)
    expect(fieldKeys(other.json)).toEqual(['requestAdditionalStage.region'])
    const same = await call(REQUESTS, {
      method: 'POST',
      body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION', region: 'va7', type: 'stage' },
    })
    expect(same.status).toBe(202)
  })

  it('answers 400 for a base other than Integration or Master, with every other problem', async () => {
    const res = await call(REQUESTS, {
      method: 'POST',
      body: { name: 'fresh-prod', baseBranch: 'STAGING', region: 'aus5', copyFrom: 'prod' },
    })
    expect(res.status).toBe(400)
    expect(fieldKeys(res.json)).toEqual([
      'requestAdditionalStage.name',
      'requestAdditionalStage.baseBranch',
      'requestAdditionalStage.region',
      'requestAdditionalStage.copyFrom',
    ])
  })

  it('answers 409 to a second request, while provisioning and after', async () => {
    expect((await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION' } })).status).toBe(
      202,
    )
    const pending = await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-3', baseBranch: 'MASTER' } })
    expect(pending.status).toBe(409)
    expect((pending.json as Problem).detail).toMatch(/Only one request can be open at a time/)
    await advance(14 * DAY)
    const after = await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-3', baseBranch: 'MASTER' } })
    expect(after.status).toBe(409)
    expect((after.json as Problem).detail).toMatch(/already has an additional staging environment/)
  })

  it('is offered in the program representation only to a Business Owner with no request open', async () => {
    const offer = async (role: string) =>
      ((await call('/api/program/1', { role })).json as Program)['x-sim']?.requestAdditionalStage
    expect(await offer('business-owner')).toEqual({ allowed: true })
    expect(await offer('deployment-manager')).toEqual({ allowed: false, reason: expect.stringMatching(/needs Business Owner/) })
    await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION' } })
    expect(await offer('business-owner')).toEqual({ allowed: false, reason: expect.stringMatching(/already being provisioned/) })
  })

  it('once ready, can be the target of a stage-only pipeline', async () => {
    const env = (await call(REQUESTS, { method: 'POST', body: { name: 'fresh-stage-2', baseBranch: 'INTEGRATION' } }))
      .json as Environment
    const body = {
      name: 'Stage Only',
      category: 'stageOnly',
      repositoryId: engine().repositories('1')[0]!.id,
      branch: 'main',
      environmentIds: [env.id],
    }
    const early = await call('/api/program/1/pipelines', { method: 'POST', role: 'deployment-manager', body })
    expect(early.status).toBe(400)
    await advance(14 * DAY)
    const res = await call('/api/program/1/pipelines', { method: 'POST', role: 'deployment-manager', body })
    expect(res.status).toBe(201)
    expect((res.json as Pipeline)['x-sim'].category).toBe('stageOnly')
    expect((res.json as Pipeline).phases.find((p) => p.type === 'DEPLOY')).toMatchObject({
      environmentId: env.id,
      environmentType: 'stage',
    })
  })
})

describe('what a caller may do with environments, in the representations (x-sim)', () => {
  it("the program offers Add Environment by role, and each type with the program's pair rules", async () => {
    const asOwner = (await call('/api/program/1', { role: 'business-owner' })).json as Program
    expect(asOwner['x-sim']?.addEnvironment).toEqual({
      allowed: true,
      types: {
        dev: { allowed: true },
        rde: { allowed: true },
        stage: {
          allowed: false,
          reason:
            'This program already has a stage environment ("fresh-stage"); request an additional staging environment instead.',
        },
        prod: { allowed: false, reason: 'This program already has a production environment ("fresh-prod").' },
      },
    })
    const asDeveloper = (await call('/api/program/1', { role: 'developer' })).json as Program
    expect(asDeveloper['x-sim']?.addEnvironment?.allowed).toBe(false)
    expect(asDeveloper['x-sim']?.addEnvironment?.reason).toMatch(
      /add environments: this needs Business Owner, Deployment Manager/,
    )
  })

  it('each environment says whether this caller may delete it now, and why not', async () => {
    const list = async (role: string) =>
      Object.fromEntries(
        ((await call('/api/program/1/environments', { role })).json as EnvironmentList)._embedded.environments.map((e) => [
          e.name,
          e['x-sim']?.delete,
        ]),
      )
    const asManager = await list('deployment-manager')
    expect(asManager['fresh-dev']).toEqual({ allowed: true })
    expect(asManager['fresh-prod']?.reason).toMatch(/production environment; it cannot be deleted/)
    expect(asManager['fresh-stage']?.reason).toMatch(/paired with production/)
    const asDeveloper = await list('developer')
    expect(asDeveloper['fresh-dev']?.allowed).toBe(false)
    // The offer and the operation agree: what is refused is not done.
    const dev = envNamed('fresh-dev')
    expect((await call(`/api/program/1/environment/${dev.id}`, { method: 'DELETE', role: 'developer' })).status).toBe(403)
  })
})
