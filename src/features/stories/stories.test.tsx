/**
 * Stories are checked against what they run on: the names they use against their scenario's
 * backend (msw/node, the real handlers), and every control they press against the real screens
 * (the app rendered in happy-dom, each story played through to "Story complete"). A story that
 * names a missing pipeline or button fails here, not in front of an audience.
 */
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { subscribeToChanges } from '../../api/live-updates'
import type { EnvironmentList, PipelineList, ProgramList } from '../../contract/resources'
import { createTestBackend } from '../../testing/create-test-backend'
import { simApi } from '../../testing/sim-api'
import { renderApp } from '../../testing/render-app'
import { STORIES } from './stories/index'
import { type ScenarioFacts, storyProblems } from './story-check'
import type { Story } from './story-model'
import { StoryRunner } from './story-runner'

async function scenarioFacts(story: Story): Promise<ScenarioFacts> {
  const { server, api } = createTestBackend(story.scenario)
  server.listen({ onUnhandledRequest: 'error' })
  try {
    const get = async <T,>(path: string) => (await (await api(path)).json()) as T
    const programs = (await get<ProgramList>('/api/programs'))._embedded.programs
    const pipelines: string[] = []
    const environments: string[] = []
    for (const p of programs) {
      pipelines.push(...(await get<PipelineList>(`/api/program/${p.id}/pipelines`))._embedded.pipelines.map((x) => x.name))
      environments.push(
        ...(await get<EnvironmentList>(`/api/program/${p.id}/environments`))._embedded.environments.map((x) => x.name),
      )
    }
    return { programs: programs.map((p) => p.name), pipelines, environments }
  } finally {
    server.close()
  }
}

describe('the stories against their scenarios', () => {
  it.each(STORIES.map((s) => [s.id, s] as const))('%s names only what its scenario has or it creates', async (_id, story) => {
    expect(storyProblems(story, await scenarioFacts(story), 'deployment-manager')).toEqual([])
  })

  it('reports a pipeline that is not there, an unsaid role switch and an unsaid fault', async () => {
    const [first] = STORIES
    if (!first) throw new Error('no stories')
    const broken: Story = {
      ...first,
      steps: first.steps.map((s, i) =>
        i === 1
          ? {
              ...s,
              role: 'business-owner',
              inject: { pipeline: 'Stage Only pipeline', action: 'deploy', status: 'FAILED' },
              done: { execution: { pipeline: 'Stage Only Pipeline' }, save: 'stage' },
            }
          : s,
      ),
    }
    expect(storyProblems(broken, await scenarioFacts(first), 'deployment-manager')).toEqual([
      'promote-build step 2 (run-stage-only) names pipeline "Stage Only Pipeline", not in split-pipelines.',
      'promote-build step 2 (run-stage-only) injects a fault without saying so.',
      'promote-build step 2 (run-stage-only) switches to Business Owner without saying so in its narration.',
    ])
  })

  it('reports a teammate run that the narration does not tell, or of a pipeline that is not there', async () => {
    const story = STORIES.find((s) => s.id === 'promote-build') as Story
    const untold: Story = {
      ...story,
      steps: story.steps.map((s) =>
        s.id === 'meanwhile'
          ? {
              ...s,
              narration: 'Press Fast-forward.',
              fastForward: { until: 'teammate-run', pipeline: 'Prod Pipeline', as: 'business-owner' },
            }
          : s,
      ),
    }
    expect(storyProblems(untold, await scenarioFacts(story), 'deployment-manager')).toEqual([
      'promote-build step 4 (meanwhile) has a teammate run "Prod Pipeline", not in split-pipelines.',
      'promote-build step 4 (meanwhile) has a Business Owner run Prod Pipeline without saying so in its narration.',
    ])
  })
})

function runnerFor(story: Story, app: ReturnType<typeof renderApp>, autoplay: boolean, findTimeoutMs = 10_000) {
  return new StoryRunner(
    story,
    {
      document,
      navigate: (href) => void app.router.navigate(href),
      roles: app.roles,
      queryClient: app.queryClient,
      onBackendChange: (listener) => subscribeToChanges({ onChange: listener, onStatus: () => undefined }),
    },
    { autoplay, pace: 0.02, findTimeoutMs },
  )
}

const until = async (ready: () => boolean, ms = 20_000) => {
  const deadline = Date.now() + ms
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Plays the story to its end on the rendered app, as `?story=<id>&autoplay=1` would. */
async function rehearse(story: Story, findTimeoutMs = 10_000) {
  const app = renderApp('/programs', { scenario: story.scenario })
  const runner = runnerFor(story, app, true, findTimeoutMs)
  const off = app.router.subscribe((state) => runner.setPath(state.location.pathname))
  try {
    await runner.start()
    const deadline = Date.now() + 100_000
    while (runner.view().phase === 'running' && !runner.view().problem && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return { view: runner.view(), app }
  } finally {
    off()
    runner.exit()
  }
}

describe('the stories on the real screens', () => {
  it.each(STORIES.map((s) => [s.id, s] as const))('%s plays through to the end', { timeout: 120_000 }, async (_id, story) => {
    const { view } = await rehearse(story)
    expect(view.problem).toBeUndefined()
    expect(view.phase).toBe('complete')
    expect(view.done.every(Boolean)).toBe(true)
  })

  it('stops and names the control when a story asks for a button the screen does not have', { timeout: 60_000 }, async () => {
    const story = STORIES.find((s) => s.id === 'timeout') as Story
    const renamed: Story = {
      ...story,
      steps: story.steps.map((s) =>
        s.id === 'deploy' ? { ...s, targets: [{ press: 'button', name: 'Deploy now' }, ...s.targets.slice(1)] } : s,
      ),
    }
    const { view } = await rehearse(renamed, 2_000)
    expect(view.problem).toBe('Play stopped: waited too long for Deploy now.')
    expect(view.index).toBe(1)
    expect(screen.queryByRole('button', { name: 'Deploy now' })).toBeNull()
  })

  it('waits for the real rollback warning: with nothing newer in production, Promote Build shows none and Play stops', {
    timeout: 60_000,
  }, async () => {
    const story = STORIES.find((s) => s.id === 'promote-build') as Story
    const withoutTeammate: Story = { ...story, steps: story.steps.filter((s) => s.id !== 'meanwhile') }
    const { view } = await rehearse(withoutTeammate, 2_000)
    expect(view.problem).toBe('Play stopped: waited too long for Possible code rollback.')
    expect(view.story.steps[view.index]?.id).toBe('promote')
    const dialog = screen.getAllByRole('alertdialog').at(-1) as HTMLElement
    expect(dialog.textContent).toContain('Production now: nothing has been deployed to production yet')
    expect(within(dialog).queryByRole('heading', { name: 'Possible code rollback' })).toBeNull()
  })

  it('follows a step done another way (the API, as from another window) and marks what comes next', {
    timeout: 60_000,
  }, async () => {
    const story = STORIES.find((s) => s.id === 'timeout') as Story
    const app = renderApp('/programs', { scenario: story.scenario })
    const runner = runnerFor(story, app, false)
    const off = app.router.subscribe((state) => runner.setPath(state.location.pathname))
    try {
      await runner.start()
      const marked = () => document.querySelector<HTMLElement>('[data-story-target="current"]')
      // (No panel here: its Next and Fast-forward are not rendered.)
      await until(() => runner.view().done[0] === true)
      runner.next()
      await until(() => marked()?.textContent === 'Deploy')
      // Pressing something else does not move the story.
      await app.user.click(await screen.findByRole('button', { name: 'Stories' }))
      await app.user.keyboard('{Escape}')
      expect(runner.view().index).toBe(1)
      const programId = app.router.state.location.pathname.split('/')[2] as string
      const pipelines = await simApi<{
        _embedded: { pipelines: Array<{ name: string; _links: Record<string, { href: string }> }> }
      }>(`/api/program/${programId}/pipelines`)
      const production = pipelines._embedded.pipelines.find((p) => p.name === 'Production Pipeline')
      const start = production?._links['http://ns.adobe.com/adobecloud/rel/execution']?.href as string
      await simApi(start, { method: 'PUT', role: 'deployment-manager' })
      await until(() => runner.view().index === 2)
      expect(runner.view().executions.map((e) => e.pipelineName)).toEqual(['Production Pipeline'])
      expect(marked()).toBeNull()
      await until(() => /\/pipeline\/\w+\/execution\/\w+$/.test(app.router.state.location.pathname))
    } finally {
      off()
      runner.exit()
    }
  })
})
