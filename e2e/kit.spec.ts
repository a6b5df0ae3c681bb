/**
 * The Playwright kit (`pipeline-console/playwright`, src/playwright) against the in-browser
 * backend; examples/playwright-consumer runs it from the packed tarball against `serve`.
 */
import { expect, SimCallError, test } from '../src/playwright/index'
import { expectAccessible } from './fixtures'

test('on a blank page the first call opens the console; refused calls fail naming the call and the reason', async ({
  page,
  sim,
}) => {
  expect(page.url()).toBe('about:blank')
  await expect(sim.reset('no-such-scenario')).rejects.toThrow(
    /^sim\.reset\("no-such-scenario"\): POST \/__sim\/reset answered 400: Unknown scenario "no-such-scenario"\. Known scenarios: demo, /,
  )
  await expect(page).toHaveURL(/\/programs$/)

  await sim.reset('coupled-pipeline', { seed: 7 })
  await expect(sim.fault({ pipeline: 'Nope', action: 'deploy' })).rejects.toThrow(
    'sim.fault({ pipeline: "Nope" }): no pipeline is named "Nope" or has that id. Known pipelines: "Production Pipeline" (id ',
  )
  await expect(sim.gitPush('nope-repo', 'main')).rejects.toThrow(/^sim\.gitPush\("nope-repo", "main"\): no repository is named/)
  await expect(sim.advance('6 hours' as never)).rejects.toThrow(/^sim\.advance\("6 hours"\): "6 hours" is not a duration/)
  const list = await sim.api<{ _embedded: { pipelines: Array<{ id: string }> } }>('GET', '/api/program/1/pipelines')
  const path = `/api/program/1/pipeline/${list._embedded.pipelines[0]?.id}`
  const forbidden = await sim.api('DELETE', path, undefined, 'developer').catch((e: unknown) => e)
  expect(forbidden).toBeInstanceOf(SimCallError)
  expect((forbidden as SimCallError).status).toBe(403)
  expect((forbidden as SimCallError).message).toContain(`sim.api("DELETE", "${path}"): DELETE ${path} answered 403: `)
})

test('the clock moves by durations on a paused clock; a push and a fault by name change the exported state', async ({ sim }) => {
  await sim.reset('coupled-pipeline', { seed: 7 })
  const start = Date.parse((await sim.advance(0)).now)
  const clock = await sim.advance('90s')
  expect([Date.parse(clock.now) - start, clock.paused]).toEqual([90_000, true])
  expect(Date.parse((await sim.advance('14d')).now) - start).toBe(90_000 + 14 * 86_400_000)

  const fault = await sim.fault({ pipeline: 'Production Pipeline', action: 'deploy', environmentType: 'prod' })
  expect(fault).toMatchObject({ action: 'deploy', environmentType: 'prod', status: 'FAILED', remaining: 1 })
  const push = await sim.gitPush('fresh-repo', 'main')
  expect(push.branch).toBe('main')
  const state = await sim.state()
  expect(state.scenario).toBe('coupled-pipeline')
  expect(state.faults).toEqual([expect.objectContaining({ id: fault.id, pipelineId: fault.pipelineId })])
  expect(JSON.stringify(state.repositories)).toContain(push.commitId)
})

test('asRole switches the console in the page as the header’s role switcher would, and a reload keeps it', async ({
  page,
  sim,
}) => {
  await sim.reset('coupled-pipeline')
  await page.goto('/program/1/pipelines')
  const role = page.getByRole('button', { name: /Role$/ })
  await expect(role).toContainText('Deployment Manager')
  await sim.asRole('developer')
  await expect(role).toContainText('Developer')
  // Answers are fetched again with the new token: a Developer may not add a production pipeline.
  await page.getByRole('button', { name: 'Add Pipeline' }).click()
  await expect(page.getByRole('menuitem', { name: /Add Production Pipeline/ })).toContainText(/permission/)
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await page.reload()
  await expect(role).toContainText('Developer')
  await expect(sim.asRole('root' as never)).rejects.toThrow('sim.asRole("root"): unknown role. Roles: business-owner, ')
})
