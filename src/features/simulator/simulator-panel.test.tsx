import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { formatDateTime } from '../../components/format-date'
import { startExecution } from '../../engine/executions'
import type { ScenarioName } from '../../engine/scenarios/index'
import { renderApp } from '../../testing/render-app'
import { setSimulatorPanelOpen } from './panel-store'

const DAY = 24 * 3600 * 1000

afterEach(() => {
  act(() => setSimulatorPanelOpen(false))
  sessionStorage.clear()
  vi.restoreAllMocks()
})

async function openPanel(url: Parameters<typeof renderApp>[0], scenario: ScenarioName = 'demo') {
  const app = renderApp(url, { scenario })
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })
  const toggle = await screen.findByRole('button', { name: 'Simulator' })
  expect(toggle.getAttribute('aria-expanded')).toBe('false')
  await user.click(toggle)
  const panel = await screen.findByRole('complementary', { name: 'Simulator' })
  expect(toggle.getAttribute('aria-expanded')).toBe('true')
  expect(toggle.getAttribute('aria-controls')).toBe(panel.id)
  // The panel's controls load when it first opens.
  await within(panel).findByRole('region', { name: 'Clock' })
  return { ...app, user, panel }
}

const section = (panel: HTMLElement, name: string) => within(panel).getByRole('region', { name })

test('the panel shows the virtual clock, pauses and resumes it, sets its speed and moves it forward; Escape closes it', async () => {
  const { user, panel, runtime } = await openPanel('/programs')
  const clock = section(panel, 'Clock')
  const now = () => formatDateTime(new Date(runtime.engine.now).toISOString())
  await within(clock).findByText(now())
  // Opening the panel changes nothing: the demo speed (×60) is shown as chosen.
  await waitFor(() => expect(within(clock).getByRole('radio', { name: '×60' }).getAttribute('aria-checked')).toBe('true'))
  expect(runtime.clock.speed).toBe(60)
  // Tests run on a paused clock.
  await user.click(within(clock).getByRole('button', { name: 'Resume' }))
  await waitFor(() => expect(runtime.clock.paused).toBe(false))
  await within(clock).findByRole('button', { name: 'Pause' })
  await user.click(within(clock).getByRole('radio', { name: '×600' }))
  await waitFor(() => expect(runtime.clock.speed).toBe(600))
  await user.click(within(clock).getByRole('radio', { name: 'Instant' }))
  await waitFor(() => expect(runtime.clock.speed).toBe(31_536_000))
  await user.click(within(clock).getByRole('button', { name: 'Pause' }))
  await waitFor(() => expect(runtime.clock.paused).toBe(true))

  const before = runtime.engine.now
  await user.click(within(clock).getByRole('button', { name: '+1 day' }))
  await waitFor(() => expect(runtime.engine.now).toBe(before + DAY))
  await within(clock).findByText(now())
  expect(within(clock).getByRole('status').textContent).toBe(`Moved 1 day forward, to ${now()}.`)
  await user.click(within(clock).getByRole('button', { name: '+14 days' }))
  await waitFor(() => expect(runtime.engine.now).toBe(before + 15 * DAY))

  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Simulator' })).toBeNull())
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Simulator' }))
})

test('“Until next waiting step” runs the clock until a step waits for a decision', async () => {
  const { user, panel, runtime } = await openPanel((rt) => {
    const pipeline = rt.engine.state.pipelines[0]!
    rt.engine.mutate(() =>
      startExecution(rt.engine.ctx, { roles: ['deployment-manager'], userId: 'dan@AdobeID' }, pipeline.programId, pipeline.id, {
        mode: 'NORMAL',
      }),
    )
    return `/program/${pipeline.programId}/pipelines`
  }, 'coupled-pipeline')
  const clock = section(panel, 'Clock')
  await user.click(within(clock).getByRole('button', { name: 'Until next waiting step' }))
  await waitFor(() => expect(within(clock).getByRole('status').textContent).toMatch(/Production Pipeline waits at Approval\.$/))
  const execution = runtime.engine.state.executions.at(-1)!
  expect(execution.steps.find((s) => s.action === 'approval')?.status).toBe('WAITING')
  // Nothing else moves on its own now.
  await user.click(within(clock).getByRole('button', { name: 'Until next waiting step' }))
  await waitFor(() => expect(within(clock).getByRole('status').textContent).toBe('Nothing is running.'))
})

test('Reset loads the chosen scenario, clears the cache and returns to the programs list', async () => {
  const { user, panel, runtime, router } = await openPanel('/program/1/activity')
  await screen.findByRole('grid', { name: 'Activity' })
  const scenario = section(panel, 'Scenario')
  await user.click(within(scenario).getByRole('button', { name: /Scenario/ }))
  await user.click(await screen.findByRole('option', { name: 'fresh-program' }))
  await user.click(within(scenario).getByRole('button', { name: 'Reset' }))
  const confirm = await screen.findByRole('alertdialog', { name: 'Reset the simulator?' })
  await user.click(within(confirm).getByRole('button', { name: 'Reset' }))
  await waitFor(() => expect(router.state.location.pathname).toBe('/programs'))
  expect(runtime.engine.state.scenario).toBe('fresh-program')
  expect(await screen.findByText('Fresh Program')).toBeTruthy()
  expect(screen.queryByText('We.Retail Global')).toBeNull()
})

test('importing an invalid file is refused with the problem and its list, and changes nothing', async () => {
  const { user, panel, runtime, container } = await openPanel('/programs')
  const before = runtime.engine.exportState()
  const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]')!
  const broken = { ...JSON.parse(before), version: 999, programs: 'none' }
  await user.upload(input, new File([JSON.stringify(broken)], 'broken.json', { type: 'application/json' }))
  const alert = await within(section(panel, 'State')).findByRole('alert')
  expect(within(alert).getByRole('heading').textContent).toBe('broken.json was not imported')
  expect(alert.textContent).toContain('Invalid simulator state')
  expect(within(alert).getAllByRole('listitem').length).toBeGreaterThan(1)
  expect(alert.textContent).toContain('Nothing was changed.')
  expect(runtime.engine.exportState()).toBe(before)

  await user.upload(input, new File(['{ not json'], 'notes.json', { type: 'application/json' }))
  await waitFor(() =>
    expect(within(section(panel, 'State')).getByRole('heading', { name: 'notes.json was not imported' })).toBeTruthy(),
  )
  expect(within(section(panel, 'State')).getByRole('alert').textContent).toMatch(/not valid JSON/)
  expect(runtime.engine.exportState()).toBe(before)
})

test('Export state downloads the whole state as a .json file', async () => {
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:state'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    expect(this.download).toBe('pipeline-console-state.json')
  })
  const { user, panel, runtime } = await openPanel('/programs')
  await user.click(within(section(panel, 'State')).getByRole('button', { name: 'Export state' }))
  await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
  expect(await blobs[0]!.text()).toBe(runtime.engine.exportState())
})

test('faults are added for a pipeline of the current program, listed and cleared', async () => {
  const { user, panel, runtime } = await openPanel('/program/1/overview')
  const faults = section(panel, 'Faults')
  await user.click(within(faults).getByRole('button', { name: /Pipeline/ }))
  await user.click(await screen.findByRole('option', { name: 'Production Pipeline' }))
  await user.click(within(faults).getByRole('button', { name: /Step/ }))
  await user.click(await screen.findByRole('option', { name: 'Deploy' }))
  await user.click(within(faults).getByRole('button', { name: /Environment type/ }))
  await user.click(await screen.findByRole('option', { name: 'Production' }))
  await user.click(within(faults).getByRole('button', { name: /Outcome/ }))
  // Cloud Service deploys never pause: no PAUSED outcome here.
  expect(screen.queryByRole('option', { name: /PAUSED/ })).toBeNull()
  await user.click(await screen.findByRole('option', { name: 'ERROR' }))
  await user.click(within(faults).getByRole('button', { name: 'Add fault' }))
  const list = await within(faults).findByRole('list', { name: 'Injected faults' })
  expect(list.textContent).toBe('Production Pipeline · Deploy (Production) → ERROR')
  expect(runtime.engine.state.faults).toMatchObject([{ action: 'deploy', environmentType: 'prod', status: 'ERROR' }])

  await user.click(within(faults).getByRole('button', { name: /Step/ }))
  await user.click(await screen.findByRole('option', { name: 'Code Scanning' }))
  await user.click(within(faults).getByRole('checkbox', { name: 'Important metric failure' }))
  await user.click(within(faults).getByRole('button', { name: 'Add fault' }))
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
  expect(runtime.engine.state.faults.at(-1)).toMatchObject({ action: 'codeQuality', metric: 'important' })

  await user.click(within(faults).getByRole('button', { name: 'Clear faults' }))
  await within(faults).findByText('No faults.')
  expect(runtime.engine.state.faults).toEqual([])
})

test('on an AMS program, a deploy fault may pause the deploy instead of failing it', async () => {
  const { user, panel, runtime } = await openPanel((runtime) => {
    const { engine } = runtime
    const program = engine.listPrograms()[0]!
    const envs = engine.environments(program.id)
    const env = (type: string) => envs.find((e) => e.type === type)!.id
    engine.createPipeline({ roles: ['deployment-manager'], userId: 'dan@AdobeID' }, program.id, {
      name: 'AMS Release',
      category: 'production',
      repositoryId: engine.repositories(program.id)[0]!.id,
      branch: 'main',
      environmentIds: [env('stage'), env('prod')],
    })
    return `/program/${program.id}/overview`
  }, 'ams-program')
  const faults = section(panel, 'Faults')
  await user.click(within(faults).getByRole('button', { name: /Pipeline/ }))
  await user.click(await screen.findByRole('option', { name: 'AMS Release' }))
  await user.click(within(faults).getByRole('button', { name: /Step/ }))
  await user.click(await screen.findByRole('option', { name: 'Deploy' }))
  await user.click(within(faults).getByRole('button', { name: /Environment type/ }))
  await user.click(await screen.findByRole('option', { name: 'Stage' }))
  await user.click(within(faults).getByRole('button', { name: /Outcome/ }))
  await user.click(await screen.findByRole('option', { name: 'PAUSED (resume or stop)' }))
  await user.click(within(faults).getByRole('button', { name: 'Add fault' }))
  const list = await within(faults).findByRole('list', { name: 'Injected faults' })
  expect(list.textContent).toBe('AMS Release · Deploy (Stage) → paused')
  expect(runtime.engine.state.faults).toMatchObject([{ action: 'deploy', environmentType: 'stage', status: 'PAUSED' }])
})

test('Simulate git push starts the pipelines watching the branch', async () => {
  const { user, panel, runtime } = await openPanel('/program/1/pipelines')
  const push = section(panel, 'Git push')
  // The program has one repository, chosen already.
  await waitFor(() => expect(within(push).getByRole('button', { name: /Repository/ }).textContent).toContain('weretail'))
  await user.click(within(push).getByRole('button', { name: /Branch/ }))
  await user.click(await screen.findByRole('option', { name: 'develop' }))
  await user.click(within(push).getByRole('button', { name: 'Simulate git push' }))
  await waitFor(() =>
    expect(within(push).getByRole('status').textContent).toMatch(
      /^Pushed commit [0-9a-f]{7} to develop\. Started Code Quality\./,
    ),
  )
  const codeQuality = runtime.engine.state.pipelines.find((p) => p.name === 'Code Quality')!
  expect(codeQuality.currentExecutionId).toBeDefined()
})
