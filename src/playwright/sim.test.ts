// @vitest-environment node
import { expect, test } from 'vitest'
import { fakePage } from './fake-page'
import { createSim, pipelineConsoleServer, SimCallError } from './index'

const problem = (status: number, detail: string) => ({
  status,
  contentType: 'application/problem+json',
  body: { status, title: 'Bad Request', detail },
})

/** Two programs; "Deploy" exists in both. */
const api = fakePage(({ method, path }) => {
  if (path === '/api/programs')
    return {
      body: {
        _embedded: {
          programs: [
            { id: '1', name: 'One' },
            { id: '2', name: 'Two' },
          ],
        },
      },
    }
  if (path === '/api/program/1/pipelines') {
    return {
      body: {
        _embedded: {
          pipelines: [
            { id: '8', name: 'Production Pipeline' },
            { id: '9', name: 'Deploy' },
          ],
        },
      },
    }
  }
  if (path === '/api/program/2/pipelines') {
    return {
      body: {
        _embedded: { pipelines: [{ id: '20', name: 'Deploy' }] },
        _links: { next: { href: '/api/program/2/pipelines?start=1' } },
      },
    }
  }
  if (path === '/api/program/2/pipelines?start=1') return { body: { _embedded: { pipelines: [{ id: '21', name: 'Late' }] } } }
  if (path === '/api/program/1/repositories') return { body: { _embedded: { repositories: [{ id: '5', repo: 'one-repo' }] } } }
  if (path === '/api/program/2/repositories') return { body: { _embedded: { repositories: [] } } }
  if (path === '/__sim/status') return { body: { host: 'server', saved: false } }
  if (method === 'POST' && path === '/__sim/faults') return { status: 201, body: { id: 'f1' } }
  if (method === 'POST' && path === '/__sim/git/push') return { status: 201, body: { commitId: 'abc' } }
  return problem(404, `Nothing answers ${method} ${path}.`)
})

test('fault and gitPush find a pipeline or repository by name across programs and pages, and send its id', async () => {
  const sim = createSim(api.page)
  api.requests.length = 0
  await sim.fault({ pipeline: 'Late', action: 'deploy', environmentType: 'prod' })
  expect(api.requests.at(-2)).toEqual({
    method: 'POST',
    path: '/__sim/faults',
    body: { pipelineId: '21', status: 'FAILED', action: 'deploy', environmentType: 'prod' },
  })
  // Every lookup is an admin call; the sim controls carry no token.
  expect(api.requests.filter((r) => r.path.startsWith('/api')).every((r) => r.role === 'admin')).toBe(true)
  await sim.fault({ pipeline: '9', action: 'build', status: 'ERROR' })
  expect(api.requests.at(-2)?.body).toEqual({ pipelineId: '9', status: 'ERROR', action: 'build' })
  await sim.gitPush('one-repo', 'main')
  expect(api.requests.at(-2)?.body).toEqual({ repositoryId: '5', branch: 'main' })
  await expect(sim.fault({ pipeline: 'Deploy', action: 'deploy' })).rejects.toThrow(
    'sim.fault({ pipeline: "Deploy" }): 2 pipelines are named "Deploy": "Deploy" (id 9, program "One"), "Deploy" (id 20, program "Two"). Pass the id.',
  )
})

test('reset pauses the clock before loading the scenario; a refused reset names the call and the reason', async () => {
  const { page, requests } = fakePage(({ path, body }) => {
    if (path === '/__sim/reset' && (body as { scenario: string }).scenario === 'nope') {
      return problem(400, 'Unknown scenario "nope". Known scenarios: demo.')
    }
    if (path === '/__sim/status') return { body: { host: 'shared-worker', saved: true } }
    return { body: {} }
  })
  const sim = createSim(page)
  await sim.reset('split-pipelines', { seed: 7 })
  expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ['PUT', '/__sim/clock', { paused: true }],
    ['POST', '/__sim/reset', { scenario: 'split-pipelines', seed: 7 }],
    ['GET', '/__sim/status', undefined],
  ])
  const error = await sim.reset('nope').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SimCallError)
  expect((error as SimCallError).message).toBe(
    'sim.reset("nope"): POST /__sim/reset answered 400: Unknown scenario "nope". Known scenarios: demo.',
  )
})

test('answers that are not the backend’s (the HTML of a page whose backend is not up yet) are sent again; a blank page opens baseURL once', async () => {
  let notYet = 2
  const { page, requests, gotos } = fakePage(() => {
    if (notYet-- > 0) return { contentType: 'text/html', body: '<!doctype html>' }
    return { body: { now: '2026-12-02T00:00:00.000Z', speed: 60, paused: true } }
  }, 'about:blank')
  const clock = await createSim(page).advance('90s')
  expect(clock.paused).toBe(true)
  expect(gotos).toEqual(['/'])
  expect(requests.filter((r) => r.path === '/__sim/clock/advance')).toHaveLength(3)
  expect(requests[0]?.body).toEqual({ ms: 90_000 })
})

test('in the browser a change waits until it is saved; asRole refuses an unknown role without touching the page', async () => {
  const saved = [false, false, true]
  const { page, requests } = fakePage(({ path }) =>
    path === '/__sim/status' ? { body: { host: 'shared-worker', saved: saved.shift() } } : { body: {} },
  )
  const sim = createSim(page)
  await sim.api('POST', '/api/program/1/pipelines', { name: 'x' }, 'deployment-manager')
  expect(requests.map((r) => r.path)).toEqual(['/api/program/1/pipelines', '/__sim/status', '/__sim/status', '/__sim/status'])
  expect(requests[0]?.role).toBe('deployment-manager')
  await expect(sim.asRole('root' as never)).rejects.toThrow('sim.asRole("root"): unknown role.')
})

test('pipelineConsoleServer runs this package’s bin by absolute path with node, paused, on loopback by default', () => {
  const server = pipelineConsoleServer({ port: 4390, scenario: 'split-pipelines', args: ['--state-file', 'my state.json'] })
  expect(server.command).toBe(
    `${process.execPath} ${process.cwd()}/lib/pipeline-console.js serve --port 4390 --host 127.0.0.1 --scenario split-pipelines --paused --state-file "my state.json"`,
  )
  expect(server).toMatchObject({ url: 'http://127.0.0.1:4390/', reuseExistingServer: false, timeout: 60_000 })
  expect(pipelineConsoleServer({ port: 1, host: '::1', paused: false }).command).toMatch(/ serve --port 1 --host ::1$/)
})
