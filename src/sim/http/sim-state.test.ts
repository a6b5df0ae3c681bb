import { describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../contract/problem'
import type { Environment, ProgramList, SimStateSummary } from '../../contract/resources'
import { Engine } from '../../engine/engine'
import { CURRENT_STATE_VERSION } from '../../engine/snapshot'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('fresh-program')

const DAY = 24 * 3600 * 1000

async function exportText(): Promise<string> {
  const res = await fetch('/__sim/state')
  expect(res.status).toBe(200)
  return res.text()
}

async function importState(body: string) {
  const res = await fetch('/__sim/state', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body })
  return { status: res.status, contentType: res.headers.get('Content-Type'), json: (await res.json()) as unknown }
}

/** Imports `body`, expects it refused, and proves the state did not change by a byte. */
async function expectRefused(body: string) {
  const before = await exportText()
  const res = await importState(body)
  expect(res.status).toBe(400)
  expect(res.contentType).toContain(PROBLEM_CONTENT_TYPE)
  expect(await exportText()).toBe(before)
  return res.json as Problem & { errors: string[] }
}

describe('the simulator state over HTTP', () => {
  it('exports the whole engine state as a JSON download', async () => {
    const res = await fetch('/__sim/state')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('application/json')
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment; filename=".*\.json"/)
    const text = await res.text()
    expect(text).toBe(backend.runtime.engine.exportState())
    expect(JSON.parse(text)).toMatchObject({
      version: CURRENT_STATE_VERSION,
      scenario: 'fresh-program',
      programs: [{ name: 'Fresh Program' }],
    })
  })

  it('imports a state, answers a summary, and exports exactly what was imported', async () => {
    const demo = Engine.create('demo', 7).exportState()
    const res = await importState(demo)
    expect(res.status).toBe(200)
    const summary = res.json as SimStateSummary
    expect(summary).toMatchObject({ scenario: 'demo', revision: JSON.parse(demo).revision })
    expect(summary.counts.programs).toBe(4)
    expect(summary.counts.environments).toBe(JSON.parse(demo).environments.length)
    expect(summary.now).toBe(new Date(JSON.parse(demo).clock.now).toISOString())
    expect(await exportText()).toBe(demo)
    const programs = (await (await backend.api('/api/programs')).json()) as ProgramList
    expect(programs._embedded.programs.map((p) => p.name)).toEqual([
      'We.Retail Global',
      'Global Commerce',
      'Innovation Sandbox',
      'AMS Program',
    ])
  })

  it('keeps variables, secrets as fingerprints only, and pending provisioning across an export and import', async () => {
    const api = (path: string, method: string, role: string, body: unknown) =>
      backend.api(path, { method, role, body: JSON.stringify(body) })
    const stage = backend.runtime.engine.environments('1').find((e) => e.name === 'fresh-stage')!
    expect(
      (
        await api(`/api/program/1/environment/${stage.id}/variables`, 'PATCH', 'deployment-manager', [
          { name: 'TOKEN', value: 'p4ssw0rd!', type: 'secretString' },
        ])
      ).status,
    ).toBe(204)
    const requested = (await (
      await api('/api/program/1/environments/additionalStageRequests', 'POST', 'business-owner', {
        name: 'fresh-stage-2',
        baseBranch: 'MASTER',
      })
    ).json()) as Environment
    const saved = await exportText()
    expect(saved).not.toContain('p4ssw0rd!')

    backend.runtime.reset('demo')
    expect((await importState(saved)).status).toBe(200)
    expect(await exportText()).toBe(saved)
    backend.runtime.advance(14 * DAY)
    const env = (await (await backend.api(`/api/program/1/environment/${requested.id}`)).json()) as Environment
    expect(env.status).toBe('ready')
  })

  it('refuses a file that is not JSON, or empty, and changes nothing', async () => {
    const notJson = await expectRefused('{"version": 1,')
    expect(notJson.detail).toMatch(/not valid JSON/)
    await expectRefused('')
  })

  it('refuses a state of the wrong shape whole, listing every problem', async () => {
    const state = JSON.parse(Engine.create('demo').exportState())
    state.version = 99
    state.programs[0].status = 'sleeping'
    delete state.environments[0].region
    const problem = await expectRefused(JSON.stringify(state))
    expect(problem).toMatchObject({ status: 400, title: 'Invalid simulator state' })
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: /),
        expect.stringMatching(/^programs\.0\.status: /),
        expect.stringMatching(/^environments\.0\.region: /),
      ]),
    )
    expect(problem.errors.length).toBeGreaterThanOrEqual(3)
  })

  it('refuses a state whose references do not hold, naming them', async () => {
    const state = JSON.parse(Engine.create('demo').exportState())
    state.environments[0].programId = '404'
    state.pipelines[0].environmentIds = ['9999']
    const problem = await expectRefused(JSON.stringify(state))
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        `environment ${state.environments[0].id} belongs to unknown program 404`,
        `pipeline ${state.pipelines[0].id} targets unknown environment 9999`,
      ]),
    )
  })

  it('refuses a state that stores a secret value', async () => {
    const state = JSON.parse(Engine.create('fresh-program').exportState())
    state.environments[0].variables = [
      {
        name: 'TOKEN',
        type: 'secretString',
        value: 'leaked',
        secret: { length: 6, fingerprint: 'abc' },
        status: 'ready',
        updatedAt: 0,
      },
    ]
    const problem = await expectRefused(JSON.stringify(state))
    expect(problem.errors).toEqual([expect.stringMatching(/TOKEN is a secret but stores its value/)])
  })

  it('refuses an additional staging environment being provisioned with no timer to finish it', async () => {
    const engine = Engine.create('fresh-program')
    engine.requestAdditionalStage({ roles: ['business-owner'], userId: 'bo' }, '1', {
      name: 'fresh-stage-2',
      baseBranch: 'INTEGRATION',
    })
    const state = JSON.parse(engine.exportState())
    state.clock.heap = []
    const problem = await expectRefused(JSON.stringify(state))
    expect(problem.errors).toEqual([expect.stringMatching(/being provisioned but no timer will make it ready/)])
  })

  it('refuses something that is not a state at all', async () => {
    for (const body of ['[]', '"state"', 'null', '{}']) {
      const problem = await expectRefused(body)
      expect(problem.errors.length).toBeGreaterThan(0)
    }
  })
})
