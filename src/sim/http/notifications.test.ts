import { describe, expect, it } from 'vitest'
import type { Execution } from '../../contract/executions'
import type { NotificationList } from '../../contract/notifications'
import { REL } from '../../contract/rels'
import type { AdvanceUntilWaitingResult } from '../../contract/sim-controls'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('coupled-pipeline')

const href = (r: { _links?: Record<string, unknown> } | undefined, rel: string) =>
  (r?._links?.[rel] as { href: string } | undefined)?.href
const PIPELINE = () => backend.runtime.engine.state.pipelines[0]!

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}

const start = async () =>
  json<Execution>(await backend.api(`/api/program/1/pipeline/${PIPELINE().id}/execution`, { method: 'PUT' }), 201)

const untilWaiting = async (body: unknown = {}) =>
  fetch('/__sim/clock/advance-until-waiting', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('POST /__sim/clock/advance-until-waiting', () => {
  it('runs the clock until a step starts waiting, then reports that nothing else moves', async () => {
    const e = await start()
    const first = await json<AdvanceUntilWaitingResult>(await untilWaiting())
    expect(first).toMatchObject({
      reason: 'waiting',
      waiting: [
        {
          pipelineId: PIPELINE().id,
          pipelineName: 'Production Pipeline',
          executionId: e.id,
          stepAction: 'approval',
          stepLabel: 'Approval',
        },
      ],
    })
    expect(first.advancedMs).toBeGreaterThan(0)
    expect(first.clock.now).toBe(new Date(backend.runtime.engine.now).toISOString())
    const second = await json<AdvanceUntilWaitingResult>(await untilWaiting())
    expect(second).toMatchObject({ reason: 'idle', advancedMs: 0, waiting: [] })
  })

  it('stops at maxMs when nothing waits by then, and refuses a bad body', async () => {
    await start()
    const before = backend.runtime.engine.now
    expect(await json<AdvanceUntilWaitingResult>(await untilWaiting({ maxMs: 60_000 }))).toMatchObject({
      reason: 'limit',
      advancedMs: 60_000,
    })
    expect(backend.runtime.engine.now).toBe(before + 60_000)
    expect((await untilWaiting({ maxMs: -1 })).status).toBe(400)
    expect((await untilWaiting({ hours: 1 })).status).toBe(400)
  })
})

describe('GET /api/notifications', () => {
  it('lists started, waiting and ended events newest first with the pipeline and a link to the execution', async () => {
    const e = await start()
    await untilWaiting()
    const list = await json<NotificationList>(await backend.api('/api/notifications', { role: 'deployment-manager' }))
    expect(list._totalNumberOfItems).toBe(2)
    const [waiting, started] = list._embedded.notifications
    expect(waiting).toMatchObject({
      kind: 'waiting',
      '@type': 'https://ns.adobe.com/experience/cloudmanager/event/waiting',
      pipelineName: 'Production Pipeline',
      programName: 'Fresh Program',
      executionId: e.id,
      stepAction: 'approval',
      stepLabel: 'Approval',
    })
    expect(started).toMatchObject({ kind: 'started', status: 'RUNNING', executionId: e.id })
    expect(href(waiting, REL.execution)).toBe(`/api/program/1/pipeline/${PIPELINE().id}/execution/${e.id}`)
  })

  it('sends approval notifications only to approvers, pages, filters by program and needs a token', async () => {
    await start()
    await untilWaiting()
    const developer = await json<NotificationList>(await backend.api('/api/notifications', { role: 'developer' }))
    expect(developer._embedded.notifications.map((n) => n.kind)).toEqual(['started'])
    const page = await json<NotificationList>(await backend.api('/api/notifications?limit=1', { role: 'program-manager' }))
    expect(page._embedded.notifications.map((n) => n.kind)).toEqual(['waiting'])
    const next = href(page, 'next') ?? ''
    const second = await json<NotificationList>(await backend.api(next, { role: 'program-manager' }))
    expect(second._embedded.notifications.map((n) => n.kind)).toEqual(['started'])
    expect((await json<NotificationList>(await backend.api('/api/notifications?programId=999')))._totalNumberOfItems).toBe(0)
    expect((await backend.api('/api/notifications?limit=500')).status).toBe(400)
    expect((await backend.api('/api/notifications', { role: '' })).status).toBe(401)
  })
})
