/**
 * A running story: its runner, wired to the router, the role, the query cache and the backend's
 * push channel, and its narration panel. Loaded only when a story is asked for.
 */
import { Button } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQueryClient } from '@tanstack/react-query'
import { useContext, useEffect, useState, useSyncExternalStore } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import { subscribeToChanges } from '../../api/live-updates'
import { RoleContext } from '../../app/role-context'
import { TARGET_ATTRIBUTE } from './find-target'
import { StoryPanel, StoryPanelFrame } from './story-panel'
import { type StoryHost, StoryRunner } from './story-runner'
import { type StoryRequest, storyRequest } from './story-store'
import { findStory } from './stories/index'

/** The highlight: an outline and a halo that keep the control itself untouched and focusable; room below the page. */
const HIGHLIGHT_CSS = `[${TARGET_ATTRIBUTE}="current"] {
  outline: 3px solid #d97706 !important;
  outline-offset: 3px !important;
  box-shadow: 0 0 0 8px rgba(217, 119, 6, 0.3) !important;
  border-radius: 8px;
  scroll-margin: 120px;
}
/* Room at the end of the page, so the last controls can scroll out from under the panel and toasts. */
body { padding-bottom: 40vh; }`

export default function StoryLayer({ request }: { request: StoryRequest }) {
  const story = findStory(request.id)
  if (!story) {
    return (
      <StoryPanelFrame>
        <p className={style({ margin: 0 })}>There is no story named “{request.id}”. Open the Stories list to choose one.</p>
        <div>
          <Button variant="secondary" size="S" onPress={() => storyRequest.close()}>
            Exit
          </Button>
        </div>
      </StoryPanelFrame>
    )
  }
  return <RunningStory request={request} story={story} />
}

function RunningStory({ request, story }: { request: StoryRequest; story: NonNullable<ReturnType<typeof findStory>> }) {
  const navigate = useNavigate()
  const location = useLocation()
  const roles = useContext(RoleContext)
  const queryClient = useQueryClient()
  const [runner] = useState(() => {
    if (!roles) throw new Error('A story needs the role store (AppProviders).')
    const host: StoryHost = {
      document,
      navigate: (href) => void navigate(href),
      roles,
      queryClient,
      onBackendChange: (listener) => subscribeToChanges({ onChange: listener, onStatus: () => undefined }),
    }
    return new StoryRunner(story, host, { autoplay: request.autoplay, pace: request.pace })
  })
  // Where the router is now, for the runner (which lives outside React's render).
  useEffect(() => runner.setPath(location.pathname), [runner, location.pathname])
  useEffect(() => {
    void runner.start()
    return () => runner.exit()
  }, [runner])
  const view = useSyncExternalStore(runner.subscribe, runner.view, runner.view)
  return (
    <>
      <style>{HIGHLIGHT_CSS}</style>
      <StoryPanel
        view={view}
        commands={{
          back: () => runner.back(),
          next: () => runner.next(),
          fastForward: () => void runner.fastForward(),
          play: () => runner.startPlaying(),
          pause: () => runner.pause(),
          playAgain: () => runner.playAgain(),
          exit: () => {
            runner.exit()
            storyRequest.close()
          },
        }}
      />
    </>
  )
}
