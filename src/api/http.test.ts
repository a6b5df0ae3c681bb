import { afterAll, beforeAll, expect, test } from 'vitest'
import { createTestBackend } from '../testing/create-test-backend'
import { ApiError, request, setTokenProvider, stripOperation } from './http'

// The real simulator handlers answer; nothing is mocked.
const { server } = createTestBackend('fresh-program')
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

test('sends the current role as the Bearer token', async () => {
  setTokenProvider(() => undefined)
  await expect(request('/api/programs')).rejects.toMatchObject({ status: 401, title: 'Unauthorized' })
  setTokenProvider(() => 'developer')
  const list = await request<{ _embedded: { programs: Array<{ name: string }> } }>('/api/programs')
  expect(list._embedded.programs.map((p) => p.name)).toEqual(['Fresh Program'])
})

test("sends another role's token when a request names one (a story playing a teammate)", async () => {
  setTokenProvider(() => 'developer')
  const body = { name: '', category: 'nonProduction', nonProdKind: 'codeQuality' }
  // A Developer may not create pipelines; a Deployment Manager gets as far as validating the (empty) name.
  await expect(request('/api/program/1/pipelines', { method: 'POST', body })).rejects.toMatchObject({ status: 403 })
  await expect(request('/api/program/1/pipelines', { method: 'POST', body, token: 'deployment-manager' })).rejects.toMatchObject({
    status: 400,
    fieldErrors: { name: 'Enter a pipeline name.' },
  })
})

test('turns a validation problem into field errors keyed without the operation prefix', async () => {
  setTokenProvider(() => 'deployment-manager')
  const error = await request('/api/program/1/pipelines', {
    method: 'POST',
    body: {
      name: '',
      category: 'nonProduction',
      nonProdKind: 'codeQuality',
      stageTesting: { experienceAuditPaths: ['no-slash'] },
    },
  }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  const problem = error as ApiError
  expect(problem.status).toBe(400)
  expect(problem.fieldErrors.name).toBe('Enter a pipeline name.')
  expect(problem.fieldErrors['stageTesting.experienceAuditPaths[0]']).toBe('A page path must start with "/".')
})

test('keeps the message list of non-field problems, such as a missing permission', async () => {
  setTokenProvider(() => 'developer')
  const error = (await request('/api/program/1/pipelines', {
    method: 'POST',
    body: { name: 'x', category: 'nonProduction', nonProdKind: 'codeQuality' },
  }).catch((e: unknown) => e)) as ApiError
  expect(error.status).toBe(403)
  expect(error.messages.length).toBeGreaterThan(0)
  expect(Object.keys(error.fieldErrors)).toEqual([])
})

test('strips only the operation segment of a field path', () => {
  expect(stripOperation('createPipeline.stageTesting.experienceAuditPaths[0]')).toBe('stageTesting.experienceAuditPaths[0]')
  expect(stripOperation('name')).toBe('name')
})
