import { describe, expect, it } from 'vitest'
import type { Execution } from '../../contract/executions'
import type { Problem } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Pipeline, PipelineList } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('coupled-pipeline')

const HOUR = 3_600_000
const href = (r: { _links?: Record<string, unknown> }, rel: string) => (r._links?.[rel] as { href: string } | undefined)?.href

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : undefined) as T
}

async function production(role = 'admin'): Promise<Pipeline> {
  const list = await body<PipelineList>(await backend.api('/api/program/1/pipelines', { role }), 200)
  return list._embedded.pipelines.find((p) => p.name === 'Production Pipeline')!
}

const put = (path: string, json?: unknown, role = 'admin') =>
  backend.api(path, { method: 'PUT', role, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })

/** Runs the production pipeline to its end, approving production. */
async function runToEnd(): Promise<Execution> {
  const started = await body<Execution>(await put(href(await production(), REL.execution)!), 201)
  backend.runtime.advance(3 * HOUR)
  const waiting = await body<Execution>(await backend.api(href(started, 'self')!), 200)
  const approval = waiting._embedded.stepStates.find((s) => s.status === 'WAITING')!
  expect((await put(href(approval, REL.advance)!, { approved: true })).status).toBe(202)
  backend.runtime.advance(2 * HOUR)
  const done = await body<Execution>(await backend.api(href(started, 'self')!), 200)
  expect(done.status).toBe('FINISHED')
  return done
}

describe('rollback', () => {
  it('is linked from a production pipeline only once it has two successful executions', async () => {
    expect(href(await production(), REL.rollback)).toBeUndefined()
    expect((await production())['x-sim'].blocked.rollback?.reason).toMatch(/two successful executions/)
    await runToEnd()
    expect(href(await production(), REL.rollback)).toBeUndefined()
    await runToEnd()
    const p = await production()
    expect(href(p, REL.rollback)).toBe(`/api/program/1/pipeline/${p.id}/rollback`)
    expect(p['x-sim'].blocked.rollback).toBeUndefined()
    const asDeveloper = await production('developer')
    expect(href(asDeveloper, REL.rollback)).toBeUndefined()
    expect(asDeveloper['x-sim'].blocked.rollback?.code).toBe('forbidden')
  })

  it('answers PUT with 201 and a new execution redeploying the previous artifacts, marked as a rollback', async () => {
    const older = await runToEnd()
    await runToEnd()
    const link = href(await production(), REL.rollback)!
    const res = await put(link, undefined, 'business-owner')
    const rb = await body<Execution>(res, 201)
    expect(res.headers.get('Location')).toBe(href(rb, 'self'))
    expect(rb).toMatchObject({
      status: 'RUNNING',
      trigger: 'MANUAL',
      artifactsVersion: older.artifactsVersion,
      'x-sim': { isRollback: true, sourceExecutionId: older.id },
    })
    expect(rb._embedded.stepStates.map((s) => [s.action, s['x-sim'].label])).toEqual([
      ['validate', 'Validation'],
      ['build', 'Build & Unit Testing (Copying artifacts)'],
      ['deploy', 'Deploy to Production'],
    ])
    const busy = await production()
    expect(href(busy, REL.rollback)).toBeUndefined()
    expect(busy['x-sim'].blocked.rollback?.reason).toMatch(/busy/)
    await body<Problem>(await put(link), 412)

    backend.runtime.advance(HOUR)
    const done = await body<Execution>(await backend.api(href(rb, 'self')!), 200)
    expect(done.status).toBe('FINISHED')
    const prodDeploy = done._embedded.stepStates[2]!
    expect(href(prodDeploy, REL.reExecute)).toBeUndefined()
    expect(prodDeploy['x-sim'].blocked.reExecute?.reason).toMatch(/rollback/)
  })

  it('refuses developers with 403 and pipelines that do not deploy to production with 405', async () => {
    await runToEnd()
    await runToEnd()
    const p = await production()
    await body<Problem>(await put(`/api/program/1/pipeline/${p.id}/rollback`, undefined, 'developer'), 403)
    const created = await body<Pipeline>(
      await backend.api('/api/program/1/pipelines', {
        method: 'POST',
        body: JSON.stringify({
          name: 'Quality',
          category: 'nonProduction',
          nonProdKind: 'codeQuality',
          repositoryId: '5',
          branch: 'main',
        }),
      }),
      201,
    )
    expect(href(created, REL.rollback)).toBeUndefined()
    expect(created['x-sim'].blocked.rollback).toBeUndefined()
    await body<Problem>(await put(`/api/program/1/pipeline/${created.id}/rollback`), 405)
  })
})

describe('push upgrades', () => {
  it('start a PUSH_UPGRADES execution of the production pipeline', async () => {
    const res = await backend.api('/__sim/push-upgrade', { method: 'POST', body: JSON.stringify({ programId: '1' }) })
    const e = await body<Execution>(res, 201)
    const p = await production()
    expect(e).toMatchObject({ trigger: 'PUSH_UPGRADES', status: 'RUNNING', pipelineId: p.id, user: '' })
    expect(res.headers.get('Location')).toBe(href(e, 'self'))
    expect(p.status).toBe('BUSY')
  })

  it('answer 412 while the pipeline runs, 404 without a production pipeline and 400 to a bad body', async () => {
    const push = (json: unknown) => backend.api('/__sim/push-upgrade', { method: 'POST', body: JSON.stringify(json) })
    await body(await push({ programId: '1' }), 201)
    await body<Problem>(await push({ programId: '1' }), 412)
    await body<Problem>(await push({ programId: '999' }), 404)
    await body<Problem>(await push({ program: '1' }), 400)
    backend.runtime.reset('fresh-program')
    expect((await body<Problem>(await push({ programId: '1' }), 404)).detail).toMatch(/no production pipeline/)
  })
})
