/**
 * User-supplied strings — pipeline names, variable values, branch names — come back from the
 * API verbatim inside JSON (never HTML-escaped, never as HTML), and logs, which repeat some of
 * them, are plain text the browser must not sniff into markup. (How the UI shows them is tested
 * with the UI.)
 */
import { describe, expect, it } from 'vitest'
import type { Execution, Redirect } from '../../contract/executions'
import { REL } from '../../contract/rels'
import type { Pipeline, VariableList } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('split-pipelines', { reset: false })

const NAME = '<script>alert("name")</script>&amp;'
const VALUE = "\"><svg onload=alert('value')>&lt;"
const BRANCH = '<img src=x onerror=alert(1)>'

async function json<T>(res: Response, status: number): Promise<{ body: T; text: string; type: string | null }> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return { body: JSON.parse(text) as T, text, type: res.headers.get('Content-Type') }
}

const expectJson = (type: string | null) => expect(type).toMatch(/^application\/(hal\+)?json/)

describe('markup in user-supplied strings', () => {
  it('is returned verbatim as JSON, and served in logs as plain text that is not sniffed', async () => {
    // A branch can only be named by the repository, so it comes in with an imported state.
    const state = JSON.parse(backend.runtime.engine.exportState()) as {
      repositories: { id: string; branches: { name: string }[] }[]
    }
    const repository = state.repositories[0]!
    repository.branches.find((b) => b.name === 'develop')!.name = BRANCH
    await json(await backend.api('/__sim/state', { method: 'PUT', body: JSON.stringify(state) }), 200)

    const created = await json<Pipeline>(
      await backend.api('/api/program/1/pipelines', {
        method: 'POST',
        body: JSON.stringify({
          name: NAME,
          category: 'nonProduction',
          nonProdKind: 'codeQuality',
          repositoryId: repository.id,
          branch: BRANCH,
        }),
      }),
      201,
    )
    expectJson(created.type)
    expect(created.body.name).toBe(NAME)
    expect(created.text).toContain(JSON.stringify(NAME).slice(1, -1))
    expect(created.text).not.toContain('&lt;script')
    const pipelinePath = `/api/program/1/pipeline/${created.body.id}`
    const read = await json<Pipeline>(await backend.api(pipelinePath), 200)
    expectJson(read.type)
    expect(read.body.name).toBe(NAME)
    expect(read.body.phases.find((p) => p.type === 'BUILD')?.branch).toBe(BRANCH)

    await backend.api(`${pipelinePath}/variables`, {
      method: 'PATCH',
      body: JSON.stringify([{ name: 'MARKUP', value: VALUE, type: 'string' }]),
    })
    const variables = await json<VariableList>(await backend.api(`${pipelinePath}/variables`), 200)
    expectJson(variables.type)
    expect(variables.body._embedded.variables.find((v) => v.name === 'MARKUP')?.value).toBe(VALUE)

    // Run it far enough for the build log, which names the branch.
    const started = await json<Execution>(await backend.api(`${pipelinePath}/execution`, { method: 'PUT' }), 201)
    backend.runtime.advance(3_600_000)
    const execution = await json<Execution>(await backend.api(`${pipelinePath}/execution/${started.body.id}`), 200)
    const build = execution.body._embedded.stepStates.find((s) => s.action === 'build')!
    const logs = (build._links as Record<string, { href: string }>)[REL.stepLogs]!.href
    const redirect = await json<Redirect>(await backend.api(logs, { headers: { Accept: 'application/json' } }), 200)
    const log = await fetch(redirect.body.redirect)
    expect(log.status).toBe(200)
    expect(log.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(log.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await log.text()).toContain(BRANCH)

    // Every download (logs, scan issues, metrics) is marked the same way.
    const artifacts = await json<{ _embedded: { artifacts: { id: string }[] } }>(
      await backend.api(`${new URL(redirect.body.redirect).pathname.replace(/\/logs\/download$/, '')}/artifacts`),
      200,
    )
    for (const artifact of artifacts.body._embedded.artifacts) {
      const base = new URL(redirect.body.redirect).pathname.replace(/\/logs\/download$/, '')
      const download = await fetch(`${base}/artifact/${artifact.id}/download`)
      expect(download.status).toBe(200)
      expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(download.headers.get('Content-Type')).not.toMatch(/html/)
    }
  })
})
