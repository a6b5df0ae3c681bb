// @vitest-environment node
/**
 * The official Cloud Manager SDK (@adobe/aio-lib-cloudmanager) against the simulator served over
 * real HTTP (`npm run api`): every call the SDK makes follows our links and reads our bodies the
 * way it reads Adobe's. The SDK is the reference; where it and the simulator disagree, the
 * simulator is wrong.
 */
import { createRequire } from 'node:module'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer } from '../../../scripts/api-server.ts'

type Json = Record<string, unknown>
interface HalObject extends Json {
  link: (rel: string) => { href: string } | undefined
}
/** The SDK methods this test calls (the package ships no module typings). */
interface CloudManagerSdk {
  listPrograms(): Promise<HalObject[]>
  listPipelines(programId: string, options?: { busy?: boolean }): Promise<HalObject[]>
  createExecution(programId: string, pipelineId: string, mode?: string): Promise<HalObject>
  getCurrentExecution(programId: string, pipelineId: string): Promise<Json>
  getExecution(programId: string, pipelineId: string, executionId: string): Promise<Json>
  listExecutions(programId: string, pipelineId: string, limit?: number): Promise<HalObject[]>
  advanceCurrentExecution(programId: string, pipelineId: string): Promise<Json>
  cancelCurrentExecution(programId: string, pipelineId: string): Promise<Json>
  getQualityGateResults(programId: string, pipelineId: string, executionId: string, action: string): Promise<Json>
  getExecutionStepLog(
    programId: string,
    pipelineId: string,
    executionId: string,
    action: string,
    outputStream: Writable,
  ): Promise<Json>
  listEnvironments(programId: string): Promise<HalObject[]>
  getEnvironmentVariables(programId: string, environmentId: string): Promise<Json[]>
  setEnvironmentVariables(programId: string, environmentId: string, variables: Json[]): Promise<boolean>
  getPipelineVariables(programId: string, pipelineId: string): Promise<Json[]>
  setPipelineVariables(programId: string, pipelineId: string, variables: Json[]): Promise<boolean>
  updatePipeline(programId: string, pipelineId: string, changes: Json): Promise<Json>
  deletePipeline(programId: string, pipelineId: string): Promise<Json>
  invalidatePipelineCache(programId: string, pipelineId: string): Promise<Json>
}
interface SdkError extends Error {
  code: string
}

const require = createRequire(import.meta.url)
const { init } = require('@adobe/aio-lib-cloudmanager') as {
  init: (org: string, key: string, token: string, baseUrl: string) => Promise<CloudManagerSdk>
}

const MINUTE = 60_000
let url = ''
let server: Awaited<ReturnType<typeof startApiServer>>
let sdk: CloudManagerSdk
let programId = ''
let pipelineId = ''

async function sim(path: string, body: unknown): Promise<Response> {
  const res = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return res
}
const advanceClock = (ms: number) => sim('/__sim/clock/advance', { ms })

/** Collects what the SDK writes to a stream. */
function textSink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (error) {
    return error as SdkError
  }
  throw new Error('expected the SDK call to fail')
}

type Step = { action: string; status: string; environmentType?: string }
const steps = (e: Json) => (e._embedded as { stepStates: Step[] }).stepStates

beforeAll(async () => {
  const started = await startApiServer({ port: 0, scenario: 'coupled-pipeline', paused: true })
  url = started.url
  server = started
  sdk = await init('org', 'key', 'admin', url)
})

afterAll(async () => {
  await server.close()
})

describe('the official Cloud Manager SDK against the simulator', () => {
  it('lists programs and finds the program by its self link', async () => {
    const programs = await sdk.listPrograms()
    const fresh = programs.find((p) => p.name === 'Fresh Program')
    expect(fresh).toBeDefined()
    programId = String(fresh?.id)
    expect(fresh?.link('self')?.href).toBe(`/api/program/${programId}`)
  })

  it('lists pipelines through the program link', async () => {
    const pipelines = await sdk.listPipelines(programId)
    const production = pipelines.find((p) => p.name === 'Production Pipeline')
    expect(production).toMatchObject({ status: 'IDLE', trigger: 'MANUAL', type: 'CI_CD' })
    pipelineId = String(production?.id)
    expect(await sdk.listPipelines(programId, { busy: true })).toEqual([])
  })

  it('lists environments through the program link', async () => {
    const envs = await sdk.listEnvironments(programId)
    expect(envs.map((e) => String(e.type)).sort((a, b) => a.localeCompare(b))).toEqual(['dev', 'prod', 'stage'])
  })

  it('starts an execution, and a second start fails with the SDK\'s own "already running" error', async () => {
    // An important code-scanning failure, so the run waits for an override.
    await sim('/__sim/faults', { pipelineId, action: 'codeQuality', metric: 'important', status: 'FAILED' })
    const created = await sdk.createExecution(programId, pipelineId)
    expect(created).toMatchObject({ status: 'RUNNING', trigger: 'MANUAL', pipelineId, programId })
    expect(created.link('self')?.href).toBe(`/api/program/${programId}/pipeline/${pipelineId}/execution/${String(created.id)}`)

    const busy = await sdkError(sdk.createExecution(programId, pipelineId))
    expect(busy.code).toBe('ERROR_PIPELINE_START_RUNNING')
    expect(busy.message).toMatch(/Pipeline already running/)
    expect(await sdk.listPipelines(programId, { busy: true })).toHaveLength(1)

    const current = await sdk.getCurrentExecution(programId, pipelineId)
    expect(current.id).toBe(created.id)
  })

  it('reads the failed quality gate and overrides the important metrics with advanceCurrentExecution', async () => {
    await advanceClock(20 * MINUTE)
    const current = await sdk.getCurrentExecution(programId, pipelineId)
    const executionId = String(current.id)
    expect(steps(current).find((s) => s.status === 'WAITING')?.action).toBe('codeQuality')

    const gate = (await sdk.getQualityGateResults(programId, pipelineId, executionId, 'codeQuality')) as {
      metrics: Array<{ kpi: string; severity: string; passed: boolean }>
    }
    const failing = gate.metrics.filter((m) => m.severity === 'important' && !m.passed)
    expect(failing.length).toBeGreaterThan(0)

    await sdk.advanceCurrentExecution(programId, pipelineId)
    const after = await sdk.getExecution(programId, pipelineId, executionId)
    expect(steps(after).find((s) => s.action === 'codeQuality')?.status).toBe('FINISHED')
    const overridden = (await sdk.getQualityGateResults(programId, pipelineId, executionId, 'codeQuality')) as {
      metrics: Array<{ kpi: string; override: boolean }>
    }
    const kpis = new Set(failing.map((m) => m.kpi))
    expect(overridden.metrics.filter((m) => kpis.has(m.kpi)).every((m) => m.override)).toBe(true)
  })

  it('approves the production deployment with advanceCurrentExecution and the run finishes', async () => {
    await advanceClock(3 * 60 * MINUTE)
    const waiting = await sdk.getCurrentExecution(programId, pipelineId)
    expect(steps(waiting).find((s) => s.status === 'WAITING')?.action).toBe('approval')
    await sdk.advanceCurrentExecution(programId, pipelineId)
    await advanceClock(2 * 60 * MINUTE)
    const done = await sdk.getExecution(programId, pipelineId, String(waiting.id))
    expect(done.status).toBe('FINISHED')
    expect(steps(done).every((s) => s.status === 'FINISHED')).toBe(true)
  })

  it('lists executions newest first through the executions link', async () => {
    const list = await sdk.listExecutions(programId, pipelineId)
    expect(list).toHaveLength(1)
    expect(list[0]?.status).toBe('FINISHED')
  })

  it('writes a step log to a stream by following the logs link and its redirect', async () => {
    const [last] = await sdk.listExecutions(programId, pipelineId, 1)
    const sink = textSink()
    await sdk.getExecutionStepLog(programId, pipelineId, String(last?.id), 'build', sink.stream)
    expect(sink.text()).toContain(`for execution ${String(last?.id)}`)
    const prod = textSink()
    await sdk.getExecutionStepLog(programId, pipelineId, String(last?.id), 'prodDeploy', prod.stream)
    expect(prod.text().length).toBeGreaterThan(0)
  })

  it('cancels the current execution with cancelCurrentExecution', async () => {
    const created = await sdk.createExecution(programId, pipelineId)
    await advanceClock(MINUTE)
    await sdk.cancelCurrentExecution(programId, pipelineId)
    const cancelled = await sdk.getExecution(programId, pipelineId, String(created.id))
    expect(cancelled.status).toBe('CANCELLED')
    expect(await sdk.listExecutions(programId, pipelineId)).toHaveLength(2)
  })

  it('rejects an approval with cancelCurrentExecution', async () => {
    const created = await sdk.createExecution(programId, pipelineId)
    await advanceClock(3 * 60 * MINUTE)
    const waiting = await sdk.getCurrentExecution(programId, pipelineId)
    expect(steps(waiting).find((s) => s.status === 'WAITING')?.action).toBe('approval')
    await sdk.cancelCurrentExecution(programId, pipelineId)
    const rejected = await sdk.getExecution(programId, pipelineId, String(created.id))
    expect(rejected.status).toBe('CANCELLED')
  })

  it('reads and writes environment variables', async () => {
    const envs = await sdk.listEnvironments(programId)
    const dev = envs.find((e) => e.type === 'dev')
    const envId = String(dev?.id)
    expect(await sdk.getEnvironmentVariables(programId, envId)).toEqual([])
    await sdk.setEnvironmentVariables(programId, envId, [
      { name: 'SDK_VAR', value: 'hello', type: 'string' },
      { name: 'SDK_SECRET', value: 's3cret', type: 'secretString', service: 'author' },
    ])
    const vars = await sdk.getEnvironmentVariables(programId, envId)
    expect(vars).toContainEqual(expect.objectContaining({ name: 'SDK_VAR', value: 'hello', type: 'string' }))
    const secret = vars.find((v) => v.name === 'SDK_SECRET')
    expect(secret).toMatchObject({ type: 'secretString', service: 'author' })
    expect(secret).not.toHaveProperty('value')
    await sdk.setEnvironmentVariables(programId, envId, [{ name: 'SDK_VAR', value: '' }])
    expect((await sdk.getEnvironmentVariables(programId, envId)).map((v) => v.name)).toEqual(['SDK_SECRET'])
  })

  it('reads and writes pipeline variables', async () => {
    expect(await sdk.getPipelineVariables(programId, pipelineId)).toEqual([])
    await sdk.setPipelineVariables(programId, pipelineId, [{ name: 'MAVEN_OPTS', value: '-Xmx2g', service: 'build' }])
    expect(await sdk.getPipelineVariables(programId, pipelineId)).toEqual([
      expect.objectContaining({ name: 'MAVEN_OPTS', value: '-Xmx2g', service: 'build', type: 'string' }),
    ])
  })

  it('updates the pipeline branch with updatePipeline', async () => {
    const updated = (await sdk.updatePipeline(programId, pipelineId, { branch: 'develop' })) as {
      phases: Array<{ type: string; branch?: string }>
    }
    expect(updated.phases.find((p) => p.type === 'BUILD')?.branch).toBe('develop')
    const reread = (await sdk.listPipelines(programId)).find((p) => p.id === pipelineId) as unknown as {
      phases: Array<{ type: string; branch?: string }>
    }
    expect(reread.phases.find((p) => p.type === 'BUILD')?.branch).toBe('develop')
  })

  it('invalidates the pipeline cache through the cache link', async () => {
    expect(await sdk.invalidatePipelineCache(programId, pipelineId)).toEqual({})
  })

  it('deletes the pipeline', async () => {
    expect(await sdk.deletePipeline(programId, pipelineId)).toEqual({})
    expect((await sdk.listPipelines(programId)).map((p) => p.id)).not.toContain(pipelineId)
  })
})

describe('the official SDK drives an AMS execution', () => {
  let amsUrl = ''
  let amsServer: Awaited<ReturnType<typeof startApiServer>>
  let admin: CloudManagerSdk
  let cse: CloudManagerSdk
  let amsProgramId = ''
  let amsPipelineId = ''

  const post = async (path: string, body: unknown, role = 'deployment-manager') => {
    const res = await fetch(`${amsUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${role}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status, await res.clone().text()).toBeLessThan(300)
    return (await res.json()) as Json
  }
  const advance = (ms: number) => post('/__sim/clock/advance', { ms })
  const waitingAction = async () =>
    steps(await admin.getCurrentExecution(amsProgramId, amsPipelineId)).find((s) => s.status === 'WAITING')?.action

  beforeAll(async () => {
    const started = await startApiServer({ port: 0, scenario: 'ams-program', paused: true })
    amsUrl = started.url
    amsServer = started
    admin = await init('org', 'key', 'admin', amsUrl)
    cse = await init('org', 'key', 'cse', amsUrl)
    const [program] = await admin.listPrograms()
    amsProgramId = String(program?.id)
    const envs = await admin.listEnvironments(amsProgramId)
    const env = (type: string) => String(envs.find((e) => e.type === type)?.id)
    const repos = (await (
      await fetch(`${amsUrl}/api/program/${amsProgramId}/repositories`, { headers: { Authorization: 'Bearer admin' } })
    ).json()) as { _embedded: { repositories: Array<{ id: string }> } }
    const pipeline = await post(`/api/program/${amsProgramId}/pipelines`, {
      name: 'AMS Production',
      category: 'production',
      repositoryId: repos._embedded.repositories[0]?.id,
      branch: 'main',
      environmentIds: [env('stage'), env('prod')],
      productionOptions: { goLiveApproval: true, cseOversight: 'ANY_CSE' },
      dispatcherPaths: { prod: [{ path: '/content/site', type: 'FLUSH' }] },
    })
    amsPipelineId = String(pipeline.id)
  })

  afterAll(async () => {
    await amsServer.close()
  })

  it('starts it, overrides the security gate with advanceCurrentExecution, approves, and a cse token starts CSE Support', async () => {
    await post('/__sim/faults', { pipelineId: amsPipelineId, action: 'securityTest', metric: 'important', status: 'FAILED' })
    const created = await admin.createExecution(amsProgramId, amsPipelineId)
    expect(created).toMatchObject({ status: 'RUNNING', pipelineExecutionMode: 'NORMAL' })
    await advance(60 * MINUTE)
    expect(await waitingAction()).toBe('securityTest')

    const gate = (await admin.getQualityGateResults(amsProgramId, amsPipelineId, String(created.id), 'security')) as {
      metrics: Array<{ kpi: string; severity: string; passed: boolean; override: boolean }>
    }
    const failing = gate.metrics.filter((m) => m.severity === 'important' && !m.passed)
    expect(failing.length).toBeGreaterThan(0)
    // The CSE is offered no advance link on a quality gate; the SDK says so in its own words.
    expect((await sdkError(cse.advanceCurrentExecution(amsProgramId, amsPipelineId))).code).toBe('ERROR_FIND_ADVANCE_LINK')
    await admin.advanceCurrentExecution(amsProgramId, amsPipelineId)
    const overridden = (await admin.getQualityGateResults(
      amsProgramId,
      amsPipelineId,
      String(created.id),
      'security',
    )) as typeof gate
    expect(overridden.metrics.filter((m) => failing.some((f) => f.kpi === m.kpi)).every((m) => m.override)).toBe(true)

    await advance(3 * 60 * MINUTE)
    expect(await waitingAction()).toBe('approval')
    await admin.advanceCurrentExecution(amsProgramId, amsPipelineId)
    await advance(MINUTE)
    expect(await waitingAction()).toBe('managed')
    // admin holds every Cloud Manager role but not the CSE's: no link for it.
    expect((await sdkError(admin.advanceCurrentExecution(amsProgramId, amsPipelineId))).code).toBe('ERROR_FIND_ADVANCE_LINK')
    await cse.advanceCurrentExecution(amsProgramId, amsPipelineId)
    await advance(2 * 60 * MINUTE)
    const done = await admin.getExecution(amsProgramId, amsPipelineId, String(created.id))
    expect(done.status).toBe('FINISHED')
    expect(steps(done).map((s) => s.action)).toEqual([
      'validate',
      'build',
      'codeQuality',
      'deploy',
      'securityTest',
      'loadTest',
      'assetsTest',
      'reportPerformanceTest',
      'approval',
      'managed',
      'deploy',
    ])
  })

  it("starts an emergency execution with createExecution(…, 'EMERGENCY'), which skips security and performance testing", async () => {
    const created = await admin.createExecution(amsProgramId, amsPipelineId, 'EMERGENCY')
    expect(created.pipelineExecutionMode).toBe('EMERGENCY')
    expect(steps(created).map((s) => s.action)).toEqual([
      'validate',
      'build',
      'codeQuality',
      'deploy',
      'approval',
      'managed',
      'deploy',
    ])
    await advance(60 * MINUTE)
    await admin.advanceCurrentExecution(amsProgramId, amsPipelineId)
    await advance(MINUTE)
    // A CSE declines: cancelCurrentExecution sends {"start": false} to the managed step.
    await cse.cancelCurrentExecution(amsProgramId, amsPipelineId)
    const rejected = await admin.getExecution(amsProgramId, amsPipelineId, String(created.id))
    expect(rejected.status).toBe('CANCELLED')
  })

  it('resumes a paused deploy with advanceCurrentExecution ({"resume": true}); cancelCurrentExecution stops the next pause through the advance link ({"resume": false})', async () => {
    await post('/__sim/faults', {
      pipelineId: amsPipelineId,
      action: 'deploy',
      environmentType: 'stage',
      status: 'PAUSED',
      count: 2,
    })
    const created = await admin.createExecution(amsProgramId, amsPipelineId)
    const stageDeploy = async () =>
      steps(await admin.getExecution(amsProgramId, amsPipelineId, String(created.id))).find(
        (s) => s.action === 'deploy' && s.environmentType === 'stage',
      ) as Json & { status: string; details?: { input?: unknown } }
    const untilPaused = async () => {
      for (let i = 0; i < 60 && (await stageDeploy()).status !== 'WAITING'; i++) await advance(MINUTE)
      expect(await waitingAction()).toBe('deploy')
    }
    await untilPaused()
    await admin.advanceCurrentExecution(amsProgramId, amsPipelineId)
    expect(await stageDeploy()).toMatchObject({ status: 'RUNNING', details: { input: { resume: true } } })
    await untilPaused()
    await admin.cancelCurrentExecution(amsProgramId, amsPipelineId)
    expect(await stageDeploy()).toMatchObject({ status: 'CANCELLED', details: { input: { resume: false } } })
    expect((await admin.getExecution(amsProgramId, amsPipelineId, String(created.id))).status).toBe('CANCELLED')
  })
})
