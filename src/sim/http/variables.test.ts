import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type Problem, type ProblemFieldError } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Environment, Pipeline, VariableList } from '../../contract/resources'
import type { Environment as EnvironmentModel } from '../../engine/model'
import { serveTestBackend } from '../../testing/serve-test-backend'
import { REL_ENVIRONMENT } from './representations/variables'

const backend = serveTestBackend('fresh-program')
afterEach(() => vi.restoreAllMocks())

const engine = () => backend.runtime.engine
const envNamed = (name: string) =>
  engine()
    .environments('1')
    .find((e) => e.name === name) as EnvironmentModel
const envVars = (name: string) => `/api/program/1/environment/${envNamed(name).id}/variables`

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
    contentType: res.headers.get('Content-Type'),
    text,
    json: text ? (JSON.parse(text) as unknown) : null,
  }
}

const list = async (path: string, role = 'admin') => {
  const res = await call(path, { role })
  expect(res.status).toBe(200)
  return res.json as VariableList
}

const fieldMap = (problem: unknown) => (problem as Problem).errors as Record<string, ProblemFieldError>

function devPipeline() {
  const repo = engine().repositories('1')[0]!
  return engine().createPipeline({ roles: ['deployment-manager'], userId: 'dm' }, '1', {
    name: 'Dev Deploy',
    category: 'nonProduction',
    nonProdKind: 'deployment',
    repositoryId: repo.id,
    branch: 'main',
    environmentIds: [envNamed('fresh-dev').id],
  })
}

describe('environment variables over HTTP', () => {
  it('are found by following the environment variables link, empty at first', async () => {
    const env = (await call(`/api/program/1/environment/${envNamed('fresh-stage').id}`)).json as Environment
    const href = (env._links?.[REL.variables] as { href: string } | undefined)?.href ?? ''
    const body = await list(href, 'deployment-manager')
    expect(body).toEqual({
      _totalNumberOfItems: 0,
      _embedded: { variables: [] },
      'x-sim': {},
      _links: {
        self: { href, templated: false },
        [REL.program]: { href: '/api/program/1', templated: false },
        [REL_ENVIRONMENT]: { href: `/api/program/1/environment/${env.id}`, templated: false },
      },
    })
  })

  it('are set by a Deployment Manager with 204, and secrets come back without a value', async () => {
    const res = await call(envVars('fresh-stage'), {
      method: 'PATCH',
      role: 'deployment-manager',
      body: [
        { name: 'KEY', value: 'value' },
        { name: 'I_AM_A_SECRET', value: 'top-secret-value', type: 'secretString', service: 'author' },
      ],
    })
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    const body = await list(envVars('fresh-stage'), 'developer')
    expect(body._totalNumberOfItems).toBe(2)
    expect(body._embedded.variables).toEqual([
      { name: 'KEY', value: 'value', type: 'string', status: 'ready' },
      { name: 'I_AM_A_SECRET', type: 'secretString', service: 'author', status: 'ready' },
    ])
    const exported = await call('/__sim/state')
    expect(exported.text).not.toContain('top-secret-value')
  })

  it('are deleted by sending an empty value, and unknown keys such as status are ignored', async () => {
    const path = envVars('fresh-dev')
    await call(path, {
      method: 'PATCH',
      body: [
        { name: 'A_VAR', value: 'a' },
        { name: 'B_VAR', value: 'b' },
      ],
    })
    const res = await call(path, {
      method: 'PATCH',
      body: [
        { name: 'A_VAR', value: '', type: 'string', status: 'ready' },
        { name: 'B_VAR', value: null },
      ],
    })
    expect(res.status).toBe(204)
    expect((await list(path))._embedded.variables).toEqual([])
  })

  it('refuses a request with problems as a whole, listing each by position in the Cloud Manager shape', async () => {
    const path = envVars('fresh-stage')
    await call(path, { method: 'PATCH', body: [{ name: 'KEEP', value: 'kept' }] })
    const res = await call(path, {
      method: 'PATCH',
      role: 'deployment-manager',
      body: [
        { name: 'GOOD', value: 'fine' },
        { name: 'my-var', value: 'x' },
        { name: 'KEEP', value: '' },
        { name: 'SECRET', value: 's'.repeat(500), type: 'secretString', service: 'Author' },
      ],
    })
    expect(res.status).toBe(400)
    expect(res.contentType).toContain(PROBLEM_CONTENT_TYPE)
    expect(res.json).toMatchObject({ type: PROBLEM_TYPES.validation, title: 'Constraint Violations', status: 400 })
    const errors = fieldMap(res.json)
    expect(Object.keys(errors)).toEqual(['patchEnvironmentVariables.arg2[1].name', 'patchEnvironmentVariables.arg2[3].service'])
    expect(errors['patchEnvironmentVariables.arg2[1].name']).toEqual({
      field: 'patchEnvironmentVariables.arg2[1].name',
      code: 'VALIDATION_ERROR_CODE',
      message: expect.stringContaining('must match "[a-zA-Z_][a-zA-Z_0-9]*"'),
      invalidValue: 'my-var',
    })
    expect((await list(path))._embedded.variables.map((v) => v.name)).toEqual(['KEEP'])
  })

  it('reports a secret that is too long without echoing it', async () => {
    const secret = 'q'.repeat(500)
    const res = await call(envVars('fresh-stage'), {
      method: 'PATCH',
      body: [{ name: 'SECRET', value: secret, type: 'secretString' }],
    })
    expect(res.status).toBe(400)
    expect(Object.keys(fieldMap(res.json))).toEqual(['patchEnvironmentVariables.arg2[0].value'])
    expect(res.text).not.toContain(secret)
  })

  it('refuses a type change, asking to delete and recreate', async () => {
    const path = envVars('fresh-stage')
    await call(path, { method: 'PATCH', body: [{ name: 'TOKEN', value: 'plain' }] })
    const res = await call(path, { method: 'PATCH', body: [{ name: 'TOKEN', value: 'secret', type: 'secretString' }] })
    expect(res.status).toBe(400)
    expect(fieldMap(res.json)['patchEnvironmentVariables.arg2[0].type']?.message).toMatch(
      /delete the variable and create it again/,
    )
  })

  it('refuses the 201st variable of an environment', async () => {
    const path = envVars('fresh-stage')
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `VAR_${i}`, value: 'x' }))
    const res = await call(path, { method: 'PATCH', body: many })
    expect(res.status).toBe(400)
    expect(Object.keys(fieldMap(res.json))).toEqual(['patchEnvironmentVariables.arg2[200].name'])
    expect((await list(path))._totalNumberOfItems).toBe(0)
  })

  it('refuses a body that is not a list of variables, naming the wrong parts', async () => {
    const path = envVars('fresh-stage')
    const notList = await call(path, { method: 'PATCH', body: { name: 'A_VAR', value: 'x' } })
    expect(notList.status).toBe(400)
    const wrongTypes = await call(path, {
      method: 'PATCH',
      body: [
        { name: 'OK_VAR', value: 'x' },
        { name: 12, value: true },
      ],
    })
    expect(wrongTypes.status).toBe(400)
    expect(Object.keys(fieldMap(wrongTypes.json))).toEqual([
      'patchEnvironmentVariables.arg2[1].name',
      'patchEnvironmentVariables.arg2[1].value',
    ])
    const notJson = await call(path, { method: 'PATCH', raw: '[{' })
    expect(notJson.status).toBe(400)
    expect(notJson.contentType).toContain(PROBLEM_CONTENT_TYPE)
  })

  it('answer 403 naming the Deployment Manager role to every other role, before looking at the body', async () => {
    for (const role of ['business-owner', 'program-manager', 'developer']) {
      const res = await call(envVars('fresh-stage'), { method: 'PATCH', role, body: [{ name: 'bad-name', value: 'x' }] })
      expect(res.status, role).toBe(403)
      expect(res.contentType).toContain(PROBLEM_CONTENT_TYPE)
      expect((res.json as Problem).detail).toMatch(/edit environment variables: this needs Deployment Manager/)
    }
  })

  it('tell each caller whether they may edit, and why not', async () => {
    expect((await list(envVars('fresh-stage'), 'deployment-manager'))['x-sim']).toEqual({})
    expect((await list(envVars('fresh-stage'), 'developer'))['x-sim']).toEqual({
      blocked: { code: 'forbidden', reason: expect.stringMatching(/needs Deployment Manager/) },
    })
  })

  it('cannot change while a pipeline holds the environment: 412 with the reason, and the list says so', async () => {
    const stage = envNamed('fresh-stage')
    vi.spyOn(engine(), 'environmentLock').mockImplementation((id) =>
      id === stage.id
        ? {
            pipelineId: '90',
            pipelineName: 'Production Pipeline',
            executionId: '91',
            reason: 'Production Pipeline is deploying to fresh-stage.',
          }
        : undefined,
    )
    const res = await call(envVars('fresh-stage'), {
      method: 'PATCH',
      role: 'deployment-manager',
      body: [{ name: 'KEY', value: 'v' }],
    })
    expect(res.status).toBe(412)
    expect(res.json).toMatchObject({
      type: PROBLEM_TYPES.preconditionFailed,
      detail: expect.stringMatching(/being updated by a running pipeline: Production Pipeline is deploying to fresh-stage/),
      'x-sim': { pipelineId: '90', executionId: '91' },
    })
    expect((await list(envVars('fresh-stage'), 'deployment-manager'))['x-sim']?.blocked).toEqual({
      code: 'precondition-failed',
      reason: expect.stringMatching(/Production Pipeline is deploying/),
    })
    expect((await call(envVars('fresh-prod'), { method: 'PATCH', body: [{ name: 'KEY', value: 'v' }] })).status).toBe(204)
  })

  it('answer 404 for an unknown environment or an environment of another program, and 401 without a token', async () => {
    expect((await call('/api/program/1/environment/999/variables')).status).toBe(404)
    expect((await call(`/api/program/77/environment/${envNamed('fresh-dev').id}/variables`)).status).toBe(404)
    expect((await call('/api/program/1/environment/999/variables', { method: 'PATCH', body: [] })).status).toBe(404)
    expect((await call(envVars('fresh-dev'), { role: '' })).status).toBe(401)
  })
})

describe('pipeline variables over HTTP', () => {
  it('are found through the pipeline variables link and readable by every role', async () => {
    const p = devPipeline()
    const pipeline = (await call(`/api/program/1/pipeline/${p.id}`)).json as Pipeline
    const href = (pipeline._links?.[REL.variables] as { href: string } | undefined)?.href ?? ''
    for (const role of ['business-owner', 'deployment-manager', 'program-manager', 'developer']) {
      const body = await list(href, role)
      expect(body._links?.[REL.pipeline]).toEqual({ href: `/api/program/1/pipeline/${p.id}`, templated: false })
    }
  })

  it('are set with 204 and apply to the build step unless a service is named', async () => {
    const p = devPipeline()
    const path = `/api/program/1/pipeline/${p.id}/variables`
    const res = await call(path, {
      method: 'PATCH',
      role: 'deployment-manager',
      body: [
        { name: 'MAVEN_OPTS', value: '-Xmx2g' },
        { name: 'CM_PERF_TEST_BASIC_PASSWORD', value: 'pw', type: 'secretString', service: 'loadTest' },
      ],
    })
    expect(res.status).toBe(204)
    expect((await list(path, 'developer'))._embedded.variables).toEqual([
      { name: 'MAVEN_OPTS', value: '-Xmx2g', type: 'string', service: 'build', status: 'ready' },
      { name: 'CM_PERF_TEST_BASIC_PASSWORD', type: 'secretString', service: 'loadTest', status: 'ready' },
    ])
  })

  it('refuse a service outside build, functionalTest, uiTest and loadTest in the Cloud Manager shape', async () => {
    const p = devPipeline()
    const res = await call(`/api/program/1/pipeline/${p.id}/variables`, {
      method: 'PATCH',
      body: [{ name: 'X_VAR', value: 'x', service: 'author' }],
    })
    expect(res.status).toBe(400)
    expect(Object.keys(fieldMap(res.json))).toEqual(['patchPipelineVariables.arg2[0].service'])
  })

  it('answer 403 to everyone but a Deployment Manager', async () => {
    const p = devPipeline()
    for (const role of ['business-owner', 'program-manager', 'developer']) {
      const res = await call(`/api/program/1/pipeline/${p.id}/variables`, {
        method: 'PATCH',
        role,
        body: [{ name: 'X_VAR', value: 'x' }],
      })
      expect(res.status).toBe(403)
      expect((res.json as Problem).detail).toMatch(/edit pipeline variables: this needs Deployment Manager/)
    }
  })

  it('cannot change while the pipeline runs: 412, and the list says why', async () => {
    const p = devPipeline()
    engine().pipeline('1', p.id).currentExecutionId = '4242'
    const path = `/api/program/1/pipeline/${p.id}/variables`
    const res = await call(path, { method: 'PATCH', role: 'deployment-manager', body: [{ name: 'X_VAR', value: 'x' }] })
    expect(res.status).toBe(412)
    expect(res.json).toMatchObject({
      detail: expect.stringMatching(/"Dev Deploy" is running/),
      'x-sim': { pipelineId: p.id, executionId: '4242' },
    })
    expect((await list(path, 'deployment-manager'))['x-sim']?.blocked?.code).toBe('precondition-failed')
  })

  it('answer 404 for an unknown pipeline', async () => {
    expect((await call('/api/program/1/pipeline/999/variables')).status).toBe(404)
    expect((await call('/api/program/1/pipeline/999/variables', { method: 'PATCH', body: [] })).status).toBe(404)
  })
})
