/**
 * Real responses of the simulator, validated against the Swagger 2.0 definitions of Adobe's Cloud
 * Manager API with a JSON Schema validator. Definitions allow extra properties, so the
 * simulator's `x-sim` extensions and the fields real responses carry beyond the definitions
 * (e.g. `executionId` on step states) pass; types, enums, required fields and patterns must hold.
 *
 * The definitions come from ../shared/reference/cloudmanager-api.yaml when it is checked out next
 * to the repository, else from the committed copy in fixtures/ (which must match the reference).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import * as yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { REL } from '../../contract/rels'
import { serveTestBackend } from '../../testing/serve-test-backend'

type Json = Record<string, unknown>
type Definitions = Record<string, Json>

const here = dirname(fileURLToPath(import.meta.url))
const REFERENCE = resolve(here, '../../../../shared/reference/cloudmanager-api.yaml')
const FIXTURE = resolve(here, 'fixtures/cloudmanager-api.yaml')

const load = (path: string) => (yaml.load(readFileSync(path, 'utf8')) as { definitions: Definitions }).definitions
const fixtureDefinitions = load(FIXTURE)
const referenceDefinitions = existsSync(REFERENCE) ? load(REFERENCE) : undefined
const source = referenceDefinitions ?? fixtureDefinitions

const triggerEnum = (definitions: Definitions): string[] =>
  (definitions.PipelineExecution as { properties: { trigger: { enum: string[] } } }).properties.trigger.enum

/** The definitions used, with the simulator's one documented deviation allowed. */
function withDeviations(definitions: Definitions): Definitions {
  const copy = structuredClone(definitions)
  // Spec §K #2: re-executions have `trigger: "RE_EXECUTE"` (documented by Adobe's Re-execute API
  // page and the console) but the Swagger enum only lists ON_COMMIT, MANUAL and PUSH_UPGRADES.
  triggerEnum(copy).push('RE_EXECUTE')
  return copy
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addFormat('date-time', DATE_TIME)
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 })
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
ajv.addSchema({ $id: 'cloudmanager', definitions: withDeviations(source) })

const validators = new Map<string, ValidateFunction>()
function validatorFor(name: string): ValidateFunction {
  let v = validators.get(name)
  if (!v) {
    const found = ajv.getSchema(`cloudmanager#/definitions/${name}`)
    if (!found) throw new Error(`No definition ${name}`)
    v = found
    validators.set(name, v)
  }
  return v
}

/** Asserts that `body` fits definition `name`, listing every violation. */
function expectValid(name: string, body: unknown, where: string): void {
  const validate = validatorFor(name)
  const ok = validate(body)
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
  expect(ok ? [] : problems, `${name} at ${where}`).toEqual([])
}

const backend = serveTestBackend('demo', { reset: false })

async function get<T = Json>(path: string, init: RequestInit & { role?: string } = {}): Promise<T> {
  const res = await backend.api(path, init)
  const text = await res.text()
  expect(res.status, `${path}: ${text}`).toBe(200)
  return JSON.parse(text) as T
}

const href = (r: Json, rel: string) => (r._links as Record<string, { href: string }> | undefined)?.[rel]?.href as string
const embedded = <T = Json>(r: Json, key: string) => (r._embedded as Record<string, T[]>)[key] as T[]

describe('the definitions', () => {
  it('come from the shared reference when it is there, and the committed copy matches it', () => {
    if (!referenceDefinitions) return
    for (const [name, definition] of Object.entries(fixtureDefinitions)) {
      expect(definition, name).toEqual(referenceDefinitions[name])
    }
  })

  it('catch wrong types, enums and missing required fields', () => {
    const validate = (name: string, body: unknown) => validatorFor(name)(body)
    expect(validate('RepositoryBranch', { programId: '1', repositoryId: '2', name: 'main' })).toBe(false)
    expect(validate('RepositoryBranch', { programId: '1', repositoryId: 2, name: 'main' })).toBe(true)
    expect(validate('PipelineExecution', { id: '1', trigger: 'SOMETIMES' })).toBe(false)
    expect(validate('PipelineExecution', { id: '1', trigger: 'RE_EXECUTE', createdAt: 'yesterday' })).toBe(false)
    expect(validate('ArtifactList', { _embedded: { artifacts: [{ id: '1', type: 'LOG_FILE' }] } })).toBe(false)
    expect(validate('PipelineExecutionStepState', { details: { currentDeployCommandId: 3 } })).toBe(false)
  })

  it('still lack RE_EXECUTE in the execution trigger enum (the deviation this test allows)', () => {
    expect(triggerEnum(source)).toEqual(['ON_COMMIT', 'MANUAL', 'PUSH_UPGRADES'])
  })
})

describe('responses of the simulator fit the Cloud Manager definitions', () => {
  it('programs and program', async () => {
    const list = await get('/api/programs')
    expectValid('ProgramList', list, '/api/programs')
    for (const p of embedded(list, 'programs')) expectValid('Program', await get(href(p, 'self')), href(p, 'self'))
    // As a CSE: AMS programs carry emergencyModeEnabled and the (sim) emergencyMode link.
    for (const p of embedded(list, 'programs')) {
      const asCse = await get(href(p, 'self'), { role: 'cse' })
      expectValid('Program', asCse, `${href(p, 'self')} as cse`)
      expect(href(asCse, REL.emergencyMode) !== undefined, String(p.name)).toBe(asCse.type === 'aem_managed_services')
    }
  })

  it('environments and environment', async () => {
    for (const p of embedded(await get('/api/programs'), 'programs')) {
      const program = await get(href(p, 'self'))
      const list = await get(href(program, REL.environments))
      expectValid('EnvironmentList', list, href(program, REL.environments))
      for (const e of embedded(list, 'environments')) expectValid('Environment', await get(href(e, 'self')), href(e, 'self'))
    }
  })

  it('repositories, repository and branches', async () => {
    for (const p of embedded(await get('/api/programs'), 'programs')) {
      const program = await get(href(p, 'self'))
      const list = await get(href(program, REL.repositories))
      expectValid('RepositoryList', list, href(program, REL.repositories))
      for (const r of embedded(list, 'repositories')) {
        const repo = await get(href(r, 'self'))
        expectValid('Repository', repo, href(r, 'self'))
        expectValid('BranchList', await get(href(repo, REL.branches)), href(repo, REL.branches))
      }
    }
  })

  it('pipelines, pipeline, execution lists, executions, step states, metrics, logs and artifacts', async () => {
    let steps = 0
    let metrics = 0
    for (const p of embedded(await get('/api/programs'), 'programs')) {
      const program = await get(href(p, 'self'))
      const list = await get(href(program, REL.pipelines))
      expectValid('PipelineList', list, href(program, REL.pipelines))
      for (const summary of embedded(list, 'pipelines')) {
        const pipeline = await get(href(summary, 'self'))
        expectValid('Pipeline', pipeline, href(summary, 'self'))
        const executions = await get(`${href(pipeline, REL.executions)}?limit=100`)
        expectValid('PipelineExecutionListRepresentation', executions, href(pipeline, REL.executions))
        for (const e of embedded(executions, 'executions').slice(0, 6)) {
          const execution = await get(href(e, 'self'))
          expectValid('PipelineExecution', execution, href(e, 'self'))
          for (const s of embedded(execution, 'stepStates')) {
            expectValid('PipelineExecutionStepState', await get(href(s, 'self')), href(s, 'self'))
            steps++
            if (href(s, REL.stepMetrics)) {
              expectValid('PipelineStepMetrics', await get(href(s, REL.stepMetrics)), href(s, REL.stepMetrics))
              metrics++
            }
            if (s.status !== 'NOT_STARTED' && href(s, REL.stepLogs)) {
              const redirect = await get(href(s, REL.stepLogs), { headers: { Accept: 'application/json' } })
              expectValid('Redirect', redirect, href(s, REL.stepLogs))
            }
            const artifacts = await get(`${href(s, 'self')}/artifacts`)
            expectValid('ArtifactList', artifacts, `${href(s, 'self')}/artifacts`)
          }
        }
      }
    }
    expect(steps).toBeGreaterThan(100)
    expect(metrics).toBeGreaterThan(5)
  })

  it('a running execution waiting for a decision, and the current execution', async () => {
    const program = embedded(await get('/api/programs'), 'programs')[0] as Json
    const pipelines = embedded(await get(href(await get(href(program, 'self')), REL.pipelines)), 'pipelines')
    const production = pipelines.find((p) => p.name === 'Production Pipeline') as Json
    const res = await backend.api(href(production, REL.execution), { method: 'PUT' })
    expect(res.status).toBe(201)
    expectValid('PipelineExecution', await res.json(), 'PUT execution')
    backend.runtime.advance(3 * 3_600_000)
    const current = await get(href(production, REL.execution))
    expectValid('PipelineExecution', current, 'current execution')
    expect(embedded(current, 'stepStates').some((s) => s.status === 'WAITING')).toBe(true)
    expectValid('Pipeline', await get(href(production, 'self')), 'busy pipeline')
  })

  it('AMS: pipelines with step options, an execution waiting at a security gate and at CSE Support, as every role sees them', async () => {
    const programs = embedded(await get('/api/programs'), 'programs')
    const ams = await get(href(programs.find((p) => p.name === 'AMS Program') as Json, 'self'))
    expectValid('Program', ams, 'AMS program')
    expect(ams.type).toBe('aem_managed_services')
    const pipelines = embedded(await get(href(ams, REL.pipelines)), 'pipelines')
    const production = pipelines.find((p) => p.name === 'AMS Production') as Json
    const options = (production.phases as Array<{ steps?: Array<{ name: string; options?: unknown }> }>).flatMap((ph) =>
      (ph.steps ?? []).filter((st) => st.options !== undefined),
    )
    expect(options.map((o) => o.name).sort()).toEqual(['assetsTest', 'deploy', 'deploy', 'loadTest', 'managed'])
    expectValid('Pipeline', production, 'AMS production pipeline')
    // Custom assets test files: accepted by PATCH, returned in the pipeline, named by the assetsTest step.
    const testFiles = [{ format: 'PDF', fileName: 'brochure.pdf' }]
    const patched = await backend.api(href(production, 'self'), {
      method: 'PATCH',
      headers: { Authorization: 'Bearer deployment-manager' },
      body: JSON.stringify({ stageTesting: { assetsTestFiles: testFiles } }),
    })
    const withFiles = (await patched.json()) as Json
    expect(patched.status).toBe(200)
    expectValid('Pipeline', withFiles, 'AMS pipeline with assets test files')
    expect((withFiles['x-sim'] as { stageTesting: Json }).stageTesting.assetsTestFiles).toEqual(testFiles)
    await backend.api('/__sim/faults', {
      method: 'POST',
      body: JSON.stringify({ pipelineId: production.id, action: 'securityTest', status: 'FAILED', metric: 'important' }),
    })
    const res = await backend.api(`${href(production, REL.execution)}?pipelineExecutionMode=NORMAL`, { method: 'PUT' })
    expect(res.status).toBe(201)
    const started = (await res.json()) as Json
    const check = async (role: string, where: string) => {
      const e = await get(href(started, 'self'), { role })
      expectValid('PipelineExecution', e, `${where} as ${role}`)
      for (const st of embedded(e, 'stepStates'))
        expectValid('PipelineExecutionStepState', st, `${where} step ${String(st.action)}`)
      return e
    }
    backend.runtime.advance(3 * 3_600_000)
    const atGate = await check('program-manager', 'security gate')
    const gate = embedded(atGate, 'stepStates').find((st) => st.status === 'WAITING') as Json
    expect(gate.action).toBe('securityTest')
    expectValid('PipelineStepMetrics', await get(href(gate, REL.stepMetrics)), 'security metrics')
    const metrics = (await get<{ metrics: Array<Json> }>(href(gate, REL.stepMetrics))).metrics
    const failing = metrics.filter((m) => m.severity === 'important' && !m.passed)
    await backend.api(href(gate, REL.advance), {
      method: 'PUT',
      body: JSON.stringify({ metrics: failing.map((m) => ({ ...m, override: true })) }),
    })
    for (let i = 0; i < 40; i++) {
      const e = await check('program-manager', 'towards CSE Support')
      const waiting = embedded(e, 'stepStates').find((st) => st.status === 'WAITING')
      if (waiting?.action === 'managed') break
      if (waiting?.action === 'approval')
        await backend.api(href(waiting, REL.advance), { method: 'PUT', body: '{"approved":true}' })
      backend.runtime.advance(1_800_000)
    }
    const atCse = await check('cse', 'CSE Support')
    expect(embedded(atCse, 'stepStates').find((st) => st.status === 'WAITING')?.action).toBe('managed')
    const assetsTest = embedded(atCse, 'stepStates').find((st) => st.action === 'assetsTest') as Json
    expect((assetsTest['x-sim'] as Json).testAssets).toEqual(testFiles)
    await check('business-owner', 'CSE Support')
    expectValid('Pipeline', await get(href(production, 'self')), 'waiting AMS pipeline')
  })

  it('AMS: a paused deploy, as the roles that may resume it and those that may not see it, and after Resume', async () => {
    const programs = embedded(await get('/api/programs'), 'programs')
    const ams = await get(href(programs.find((p) => p.name === 'AMS Program') as Json, 'self'))
    const dev = embedded(await get(href(ams, REL.pipelines)), 'pipelines').find((p) => p.name === 'AMS Dev Deploy') as Json
    const fault = await backend.api('/__sim/faults', {
      method: 'POST',
      body: JSON.stringify({ pipelineId: dev.id, action: 'deploy', status: 'PAUSED' }),
    })
    expect(fault.status).toBe(201)
    const res = await backend.api(href(dev, REL.execution), { method: 'PUT' })
    expect(res.status).toBe(201)
    const started = (await res.json()) as Json
    let paused: Json | undefined
    for (let i = 0; i < 40 && !paused; i++) {
      backend.runtime.advance(600_000)
      const e = await get(href(started, 'self'))
      paused = embedded(e, 'stepStates').find((st) => st.status === 'WAITING')
    }
    expect(paused?.action).toBe('deploy')
    for (const role of ['deployment-manager', 'developer', 'cse']) {
      const e = await get(href(started, 'self'), { role })
      expectValid('PipelineExecution', e, `paused deploy as ${role}`)
      const st = embedded(e, 'stepStates').find((s) => s.status === 'WAITING') as Json
      expectValid('PipelineExecutionStepState', await get(href(st, 'self')), `paused deploy step as ${role}`)
    }
    const resumed = await backend.api(href(paused as Json, REL.advance), { method: 'PUT', body: '{"resume":true}' })
    expect(resumed.status).toBe(202)
    const after = await get(href(started, 'self'))
    expectValid('PipelineExecution', after, 'resumed deploy')
    expectValid('Pipeline', await get(href(dev, 'self')), 'AMS pipeline with a resumed deploy')
  })

  it('environment and pipeline variables', async () => {
    const program = embedded(await get('/api/programs'), 'programs')[0] as Json
    const full = await get(href(program, 'self'))
    const env = embedded(await get(href(full, REL.environments)), 'environments')[0] as Json
    const pipeline = embedded(await get(href(full, REL.pipelines)), 'pipelines')[0] as Json
    const patch = (path: string, body: unknown) =>
      backend.api(path, { method: 'PATCH', role: 'deployment-manager', body: JSON.stringify(body) })
    await patch(href(env, REL.variables), [
      { name: 'PLAIN', value: 'x', type: 'string' },
      { name: 'SECRET', value: 'y', type: 'secretString', service: 'publish' },
    ])
    await patch(href(pipeline, REL.variables), [{ name: 'MAVEN_OPTS', value: '-Xmx1g', service: 'build' }])
    expectValid('VariableList', await get(href(env, REL.variables)), href(env, REL.variables))
    expectValid('VariableList', await get(href(pipeline, REL.variables)), href(pipeline, REL.variables))
  })

  it('the program activity list has the shape of an execution list', async () => {
    const program = embedded(await get('/api/programs'), 'programs')[0] as Json
    const activity = await get(`/api/program/${String(program.id)}/executions?limit=50`)
    expectValid('PipelineExecutionListRepresentation', activity, 'activity')
  })

  it("the AMS audit list pages like an execution list: its _page and every link have the definitions' shapes", async () => {
    const programs = embedded(await get('/api/programs'), 'programs')
    const ams = programs.find((p) => p.name === 'AMS Program') as Json
    const audit = await get(`/api/program/${String(ams.id)}/audit?limit=5`)
    expectValid('RequestedPageDetails', audit._page, 'audit _page')
    expect(audit._totalNumberOfItems).toEqual(expect.any(Number))
    const entries = embedded(audit, 'auditEvents')
    expect(entries.length).toBeGreaterThan(0)
    for (const link of Object.values(audit._links as Json)) expectValid('HalLink', link, 'audit list link')
    for (const entry of entries)
      for (const link of Object.values(entry._links as Json)) expectValid('HalLink', link, `audit entry ${String(entry.id)} link`)
  })
})
