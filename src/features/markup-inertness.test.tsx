/**
 * Markup in user-supplied strings — a pipeline name, a branch name, variable values, and the log
 * lines that repeat them — is shown as text: the exact string is readable, no element is made of
 * it and nothing in it runs. Everything is set up through the real API and shown by the real UI.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { paths } from '../config/paths'
import type { Execution } from '../contract/executions'
import type { Environment, Pipeline, Repository } from '../contract/resources'
import { renderApp } from '../testing/render-app'
import { simApi } from '../testing/sim-api'
import { openPipelineVariables } from '../testing/ui'

const IMG = '<img src=x onerror="window.__pwned=1">'
const NAME = `${IMG}<b>bold</b>`
const BRANCH = IMG
const VALUE = `<b>bold</b>${IMG}`

declare global {
  interface Window {
    __pwned?: number
  }
}

afterEach(() => vi.restoreAllMocks())

/** No element was made of the markup: no image pointing at "x", no bold element. */
function expectNoMarkupElements() {
  expect(document.querySelector('img[src="x"]')).toBeNull()
  expect(document.querySelector('b')).toBeNull()
  expect(window.__pwned).toBeUndefined()
}

interface Setup {
  programId: string
  pipeline: Pipeline
  execution: Execution
  environment: Environment
}

/** The repository's `develop` branch renamed to markup (a branch comes only from the repository, so through an imported state). */
async function setUp(): Promise<Setup> {
  const state = await simApi<{ repositories: { branches: { name: string }[] }[] }>('/__sim/state')
  const branch = state.repositories[0]?.branches.find((b) => b.name === 'develop')
  if (!branch) throw new Error('The scenario has no develop branch.')
  branch.name = BRANCH
  await simApi('/__sim/state', { method: 'PUT', body: state })

  const programId = '1'
  const repositories = await simApi<{ _embedded: { repositories: Repository[] } }>(`/api/program/${programId}/repositories`)
  const repositoryId = repositories._embedded.repositories[0]?.id
  const pipeline = await simApi<Pipeline>(`/api/program/${programId}/pipelines`, {
    method: 'POST',
    body: { name: NAME, category: 'nonProduction', nonProdKind: 'codeQuality', repositoryId, branch: BRANCH },
  })
  const base = `/api/program/${programId}/pipeline/${pipeline.id}`
  await simApi(`${base}/variables`, { method: 'PATCH', body: [{ name: 'MARKUP', value: VALUE, type: 'string' }] })
  const environments = await simApi<{ _embedded: { environments: Environment[] } }>(`/api/program/${programId}/environments`)
  const environment = environments._embedded.environments.find((e) => e.name === 'fresh-dev')
  if (!environment) throw new Error('The scenario has no fresh-dev environment.')
  await simApi(`/api/program/${programId}/environment/${environment.id}/variables`, {
    method: 'PATCH',
    body: [{ name: 'MARKUP', value: VALUE, type: 'string' }],
  })
  const started = await simApi<Execution>(`${base}/execution`, { method: 'PUT' })
  // Far enough for the build step, whose log names the pipeline and the branch.
  await simApi('/__sim/clock/advance', { method: 'POST', body: { ms: 3_600_000 } })
  return { programId, pipeline, execution: started, environment }
}

test('markup in a pipeline name, a branch, variable values and a log is shown as text and never becomes elements', async () => {
  const app = renderApp('/programs')
  await screen.findByText('Fresh Program')
  const { programId, pipeline, execution, environment } = await setUp()

  // The Pipelines table: name and branch, character for character.
  await app.router.navigate(paths.pipelines.getHref(programId))
  const table = await screen.findByRole('grid', { name: 'Pipelines' })
  expect(await within(table).findByText(NAME)).toBeTruthy()
  expect(within(table).getByText(BRANCH)).toBeTruthy()
  expectNoMarkupElements()

  // The pipeline's variables, in their editor.
  const variables = await openPipelineVariables(app, NAME)
  await waitFor(() =>
    expect(
      within(variables)
        .getAllByRole('textbox')
        .some((input) => (input as HTMLInputElement).value === VALUE),
    ).toBe(true),
  )
  expectNoMarkupElements()
  await app.user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Variables Configuration' })).toBeNull())

  // The execution page: the name as its heading, the branch on the build step; then the build log as a file.
  await app.router.navigate(paths.execution.getHref(programId, pipeline.id, execution.id))
  expect(await screen.findByRole('heading', { level: 1, name: NAME })).toBeTruthy()
  const build = await screen.findByRole('article', { name: /^Build/ })
  expect(within(build).getByText(`Repository: fresh-repo · Branch: ${BRANCH}`, { exact: false })).toBeTruthy()
  expectNoMarkupElements()

  const files: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    files.push(blob as Blob)
    return 'blob:log'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  await app.user.click(within(build).getByRole('button', { name: 'Download log' }))
  await waitFor(() => expect(files).toHaveLength(1))
  expect(files[0]?.type).toMatch(/^text\/plain/)
  const log = (await files[0]?.text()) ?? ''
  expect(log).toContain(`CM_PIPELINE_NAME=${NAME}`)
  expect(log).toContain(`  BRANCH=${BRANCH}`)

  // An environment variable's value in the Configuration tab.
  await app.router.navigate(`${paths.environment.getHref(programId, environment.id)}?tab=configuration`)
  const environmentVariables = await screen.findByRole('grid', { name: 'Environment variables' })
  expect(await within(environmentVariables).findByText(VALUE)).toBeTruthy()
  expectNoMarkupElements()
})
