/**
 * [AMS] The paused deploy over HTTP (spec §D.1, §D.8): `POST /__sim/faults` with
 * `status: "PAUSED"` pauses a deploy; its advance link (Business Owner, Deployment Manager,
 * Program Manager) takes `{"resume": true}` (Resume) or `{"resume": false}` (Stop).
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

/** The scenario's one program, its stage and production environments and repository. */
async function setting() {
  const list = await body<{ _embedded: { programs: Array<{ id: string }> } }>(await backend.api('/api/programs'), 200)
  const program = await body<Program>(await backend.api(`/api/program/${list._embedded.programs[0]!.id}`), 200)
  const envs = await body<{ _embedded: { environments: Array<{ id: string; type: string }> } }>(
    await backend.api(href(program, REL.environments)!),
    200,
  )
  const repos = await body<{ _embedded: { repositories: Array<{ id: string }> } }>(
    await backend.api(href(program, REL.repositories)!),
    200,
  )
  const env = (t: string) => envs._embedded.environments.find((e) => e.type === t)!.id
  return { program, stage: env('stage'), prod: env('prod'), repo: repos._embedded.repositories[0]!.id }
}

async function production(): Promise<Pipeline> {
  const { program, stage, prod, repo } = await setting()
  return body<Pipeline>(
    await call(
      'POST',
      `/api/program/${program.id}/pipelines`,
      { name: 'Paused', category: 'production', repositoryId: repo, branch: 'main', environmentIds: [stage, prod] },
      'deployment-manager',
    ),
    201,
  )
}

const execution = async (e: Execution, role = 'admin') =>
  body<Execution>(await call('GET', href(e, 'self')!, undefined, role), 200)
const deployTo = (e: Execution, env: string) =>
  e._embedded.stepStates.find((s) => s.action === 'deploy' && s.environmentType === env) as StepState
const waiting = (e: Execution) => e._embedded.stepStates.find((s) => s.status === 'WAITING')

async function untilWaiting(e: Execution): Promise<Execution> {
  for (let i = 0; i < 48; i++) {
    const now = await execution(e)
    if (now.status !== 'RUNNING' || waiting(now)) return now
    backend.runtime.advance(HOUR / 2)
  }
  throw new Error('the execution neither waited nor ended')
}

/** A run of a new production pipeline whose `env` deploy pauses, at the pause. */
async function pausedRun(env: 'stage' | 'prod'): Promise<{ pipeline: Pipeline; run: Execution; step: StepState }> {
  const pipeline = await production()
  const fault = await body<{ status: string; remaining: number }>(
    await call('POST', '/__sim/faults', { pipelineId: pipeline.id, action: 'deploy', environmentType: env, status: 'PAUSED' }),
    201,
  )
  expect(fault).toMatchObject({ status: 'PAUSED', remaining: 1 })
  const started = await body<Execution>(await call('PUT', href(pipeline, REL.execution)!, undefined, 'deployment-manager'), 201)
  const run = await untilWaiting(started)
  return { pipeline, run, step: waiting(run)! }
}

describe('a paused AMS deploy over HTTP', () => {
  it('is a WAITING deploy step saying it is paused, with the advance link for the roles that may resume or stop it', async () => {
    const { run, step } = await pausedRun('stage')
    expect([step.action, step.environmentType, step.status, run.status]).toEqual(['deploy', 'stage', 'WAITING', 'RUNNING'])
    expect(step['x-sim'].resultMessage).toMatch(/^Deployment paused after "Detect the artifact types to deploy"/)
    expect(step['x-sim'].waitingFor?.roles).toEqual(['business-owner', 'deployment-manager', 'program-manager'])
    expect(step.details.currentDeployCommandId).toBeUndefined()
    for (const role of ['business-owner', 'deployment-manager', 'program-manager']) {
      const seen = deployTo(await execution(run, role), 'stage')
      expect(href(seen, REL.advance), role).toBe(`${href(seen, 'self')}/advance`)
    }
    for (const role of ['developer', 'cse']) {
      const seen = deployTo(await execution(run, role), 'stage')
      expect(href(seen, REL.advance), role).toBeUndefined()
      expect(seen['x-sim'].blocked.advance?.reason, role).toMatch(/permission|Customer Success Engineer/)
      await body<Problem>(await call('PUT', `${href(seen, 'self')}/advance`, { resume: true }, role), 403)
    }
  })

  it('Resume: {"resume": true} on the advance link is 202; the deploy carries on and the execution finishes', async () => {
    const { pipeline, run, step } = await pausedRun('prod')
    const waitingPipeline = await body<Pipeline>(await call('GET', href(pipeline, 'self')!), 200)
    expect([waitingPipeline.status, waitingPipeline['x-sim'].paused]).toEqual(['WAITING', true])
    await body(await call('PUT', href(step, REL.advance)!, { resume: true }, 'business-owner'), 202)
    const running = await body<Pipeline>(await call('GET', href(pipeline, 'self')!), 200)
    expect([running.status, running['x-sim'].paused]).toEqual(['BUSY', undefined])
    const resumed = deployTo(await execution(run), 'prod')
    expect(resumed.status).toBe('RUNNING')
    expect(resumed.details.currentDeployCommandId).toBe('2')
    backend.runtime.advance(3 * HOUR)
    const done = await execution(run)
    expect(done.status).toBe('FINISHED')
    expect(deployTo(done, 'prod')).toMatchObject({
      status: 'FINISHED',
      details: { input: { resume: true } },
      'x-sim': { resultMessage: 'Resumed by business-owner@AdobeID' },
    })
  })

  it('Stop: {"resume": false} on the advance link (not cancel) is 202; the step and the execution end CANCELLED', async () => {
    const { run, step } = await pausedRun('stage')
    await body(await call('PUT', href(step, REL.advance)!, { resume: false }, 'program-manager'), 202)
    const stopped = await execution(run)
    expect([stopped.status, deployTo(stopped, 'stage').status]).toEqual(['CANCELLED', 'CANCELLED'])
    expect(stopped['x-sim'].failureReason).toBe('Deploy to Stage was stopped by program-manager@AdobeID while paused.')
    expect(deployTo(stopped, 'prod').status).toBe('NOT_STARTED')
  })

  it('refuses a resume body that is not a boolean, and other decisions, with 400; the deploy stays paused', async () => {
    const { run, step } = await pausedRun('stage')
    const bad = await body<Problem>(await call('PUT', href(step, REL.advance)!, { resume: 'yes' }), 400)
    expect(JSON.stringify(bad.errors)).toMatch(/resume/)
    const wrong = await body<Problem>(await call('PUT', href(step, REL.advance)!, { approved: true }), 400)
    expect(wrong.detail ?? wrong.title).toMatch(/paused: advance it with \{"resume": true\} or \{"resume": false\}/)
    expect(deployTo(await execution(run), 'stage').status).toBe('WAITING')
  })
})

describe('the PAUSED fault', () => {
  it('is refused with a field error on status for steps other than deploy, and for a status it does not know', async () => {
    const pipeline = await production()
    const build = await body<Problem>(
      await call('POST', '/__sim/faults', { pipelineId: pipeline.id, action: 'build', status: 'PAUSED' }),
      400,
    )
    expect(Object.values(build.errors ?? {}).map((e) => (e as { field: string }).field)).toEqual(['sim.status'])
    const unknown = await body<Problem>(
      await call('POST', '/__sim/faults', { pipelineId: pipeline.id, action: 'deploy', status: 'PAUSE' }),
      400,
    )
    expect(JSON.stringify(unknown.errors)).toMatch(/status/)
    const list = await body<{ faults: unknown[] }>(await call('GET', '/__sim/faults'), 200)
    expect(list.faults).toEqual([])
  })

  it('is refused on a Cloud Service program, whose deploys never pause', async () => {
    backend.runtime.reset('coupled-pipeline')
    const programs = await body<{ _embedded: { programs: Array<{ id: string }> } }>(await backend.api('/api/programs'), 200)
    const pipelines = await body<{ _embedded: { pipelines: Array<{ id: string }> } }>(
      await backend.api(`/api/program/${programs._embedded.programs[0]!.id}/pipelines`),
      200,
    )
    const problem = await body<Problem>(
      await call('POST', '/__sim/faults', {
        pipelineId: pipelines._embedded.pipelines[0]!.id,
        action: 'deploy',
        status: 'PAUSED',
      }),
      400,
    )
    expect(problem.status).toBe(400)
    expect(JSON.stringify(problem)).toMatch(/Cloud Service deploys never pause/)
    expect(Object.values(problem.errors ?? {}).map((e) => (e as { field: string }).field)).toEqual(['sim.status'])
  })
})
