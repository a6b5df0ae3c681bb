import { expect, it } from 'vitest'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('coupled-pipeline')

const seed = (json: unknown) =>
  fetch('/__sim/seed-history', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) })

it('POST /__sim/seed-history gives the program a finished history, listed on its Activity', async () => {
  const res = await seed({ programId: '1', count: 25 })
  expect(res.status).toBe(201)
  expect(await res.json()).toEqual({ programId: '1', seeded: 25 })
  const activity = await backend.api('/api/program/1/executions?limit=5')
  expect(activity.status).toBe(200)
  const page = (await activity.json()) as { _embedded: { executions: unknown[] } }
  expect(page._embedded.executions).toHaveLength(5)
  expect(backend.runtime.engine.state.executions).toHaveLength(25)
})

it('refuses a bad body (400), an unknown program (404) and a program without pipelines (412)', async () => {
  expect((await seed({ programId: '1' })).status).toBe(400)
  expect((await seed({ programId: '1', count: -1 })).status).toBe(400)
  expect((await seed({ programId: '1', count: 1, extra: true })).status).toBe(400)
  expect((await seed({ programId: '999', count: 1 })).status).toBe(404)
  backend.runtime.reset('fresh-program')
  const res = await seed({ programId: '1', count: 1 })
  expect(res.status).toBe(412)
  expect(res.headers.get('Content-Type')).toMatch(/application\/problem\+json/)
})
