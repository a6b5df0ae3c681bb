/**
 * (sim) [AMS] Emergency Mode per program over HTTP: `PUT` / `DELETE
 * /api/program/{programId}/emergencyMode`, the `cse` token only, AMS programs only.
 */
import { describe, expect, it } from 'vitest'
import type { Problem } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Pipeline, Program } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('demo')
const href = (r: { _links?: Record<string, unknown> } | undefined, rel: string) =>
  (r?._links?.[rel] as { href: string } | undefined)?.href

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : undefined) as T
}

const call = (method: string, path: string, role = 'admin') => backend.api(path, { method, role })

async function programNamed(name: string, role = 'admin'): Promise<Program> {
  const list = await body<{ _embedded: { programs: Array<{ id: string; name: string }> } }>(
    await call('GET', '/api/programs'),
    200,
  )
  const id = list._embedded.programs.find((p) => p.name === name)!.id
  return body<Program>(await call('GET', `/api/program/${id}`, role), 200)
}

async function amsProduction(): Promise<Pipeline> {
  const program = await programNamed('AMS Program')
  const list = await body<{ _embedded: { pipelines: Array<{ name: string; _links: Record<string, { href: string }> }> } }>(
    await call('GET', href(program, REL.pipelines)!),
    200,
  )
  return body<Pipeline>(
    await call('GET', list._embedded.pipelines.find((p) => p.name === 'AMS Production')!._links.self!.href),
    200,
  )
}

describe('Emergency Mode per program', () => {
  it('the program shows emergencyModeEnabled on AMS only, and links emergencyMode for the cse token only', async () => {
    const ams = await programNamed('AMS Program', 'cse')
    expect(ams.emergencyModeEnabled).toBe(true)
    expect(href(ams, REL.emergencyMode)).toBe(`/api/program/${ams.id}/emergencyMode`)
    for (const role of ['admin', 'business-owner', 'deployment-manager', 'program-manager', 'developer'])
      expect(href(await programNamed('AMS Program', role), REL.emergencyMode), role).toBeUndefined()
    const cs = await programNamed('We.Retail Global', 'cse')
    expect(cs.type).toBe('aem_cloud_service')
    expect(cs.emergencyModeEnabled).toBeUndefined()
    expect(href(cs, REL.emergencyMode)).toBeUndefined()
  })

  it('a CSE turns it off (DELETE, 204) and on again (PUT, 204); the pipelines offer EMERGENCY accordingly', async () => {
    const ams = await programNamed('AMS Program', 'cse')
    const link = href(ams, REL.emergencyMode)!
    await body(await call('DELETE', link, 'cse'), 204)
    expect((await programNamed('AMS Program')).emergencyModeEnabled).toBe(false)
    expect((await programNamed('AMS Program'))['x-sim']?.emergencyMode).toBe(false)
    expect((await amsProduction())['x-sim'].runModes).toEqual(['NORMAL'])
    await body(await call('DELETE', link, 'cse'), 204)
    await body(await call('PUT', link, 'cse'), 204)
    expect((await programNamed('AMS Program')).emergencyModeEnabled).toBe(true)
    expect((await amsProduction())['x-sim'].runModes).toContain('EMERGENCY')
  })

  it('any other role is answered 403 naming the Customer Success Engineer, and nothing changes', async () => {
    const ams = await programNamed('AMS Program')
    for (const role of ['admin', 'deployment-manager', 'business-owner']) {
      const problem = await body<Problem>(await call('DELETE', `/api/program/${ams.id}/emergencyMode`, role), 403)
      expect(problem.detail ?? JSON.stringify(problem.errors)).toMatch(/this needs Customer Success Engineer/)
    }
    expect((await programNamed('AMS Program')).emergencyModeEnabled).toBe(true)
  })

  it('on a Cloud Service program a CSE is answered 400 with a field error on emergencyModeEnabled', async () => {
    const cs = await programNamed('We.Retail Global')
    const problem = await body<Problem>(await call('PUT', `/api/program/${cs.id}/emergencyMode`, 'cse'), 400)
    expect(problem.type).toBe('http://ns.adobe.com/adobecloud/validation-exception')
    expect(Object.values(problem.errors ?? {}).map((e) => (e as { field: string }).field)).toEqual([
      'enableEmergencyMode.emergencyModeEnabled',
    ])
    expect(JSON.stringify(problem)).toMatch(/Managed Services \(AMS\) programs only/)
  })

  it('an unknown program is 404, and other methods are 405 naming PUT and DELETE', async () => {
    await body<Problem>(await call('PUT', '/api/program/999999/emergencyMode', 'cse'), 404)
    const ams = await programNamed('AMS Program')
    const res = await call('PATCH', `/api/program/${ams.id}/emergencyMode`, 'cse')
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('DELETE, PUT')
  })
})
