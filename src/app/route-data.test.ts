import { setupServer } from 'msw/node'
import { expect, onTestFinished, test } from 'vitest'
import { setTokenProvider } from '../api/http'
import { createQueryClient } from '../api/query-client'
import { environmentQueries } from '../api/resources/environments'
import { pipelineQueries } from '../api/resources/pipelines'
import { programQueries } from '../api/resources/programs'
import { repositoryQueries } from '../api/resources/repositories'
import { createHandlers } from '../sim/http/create-handlers'
import { SimRuntime } from '../sim/runtime'
import { firstProgramId } from '../testing/render-app'
import { paths } from '../config/paths'
import { loadRouteData } from './route-data'

test('the Pipelines page renders first with its program, the program list, the pipelines and the names in its rows', async () => {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'demo' })
  const server = setupServer(...createHandlers(runtime))
  server.listen({ onUnhandledRequest: 'error' })
  onTestFinished(() => server.close())
  setTokenProvider(() => 'deployment-manager')
  const program = firstProgramId(runtime)
  const client = createQueryClient()

  await loadRouteData(client, paths.pipelines.getHref(program))

  for (const { queryKey } of [
    programQueries.detail(program),
    programQueries.list(),
    pipelineQueries.list(program),
    environmentQueries.list(program),
    repositoryQueries.list(program),
  ])
    expect(client.getQueryState(queryKey)?.status, JSON.stringify(queryKey)).toBe('success')
})

test('it also waits for what it is given (the page module), but never longer than its wait', async () => {
  const client = createQueryClient()
  let moduleIn = false
  const pageModule = new Promise<void>((resolve) =>
    setTimeout(() => {
      moduleIn = true
      resolve()
    }, 20),
  )
  await loadRouteData(client, paths.programs.getHref(), { alsoAwait: [pageModule] })
  expect(moduleIn).toBe(true)

  const started = performance.now()
  await loadRouteData(client, paths.programs.getHref(), { alsoAwait: [new Promise(() => {})], waitMs: 30 })
  expect(performance.now() - started).toBeGreaterThanOrEqual(25)
})
