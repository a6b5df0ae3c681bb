import { Button, ButtonGroup, Content, Heading } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { STORIES } from './stories/index'
import { storyRequest } from './story-store'

/** The Stories dialog: each story's title, one-line summary and about how long it takes. */
export default function StoryList({ close }: { close: () => void }) {
  return (
    <>
      <Heading slot="title">Stories</Heading>
      <Content>
        <p className={style({ marginTop: 0 })}>
          Each story tells one flow on these screens with the simulated backend, step by step. It first resets the simulator to
          the scenario it needs. Follow it yourself, or press Play and watch.
        </p>
        <ul
          className={style({ listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 16 })}
        >
          {STORIES.map((s) => (
            <li key={s.id} className={style({ display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'start' })}>
              <Button
                variant="secondary"
                onPress={() => {
                  close()
                  storyRequest.open(s.id)
                }}
              >
                {s.title}
              </Button>
              <span className={style({ font: 'body-sm' })}>
                {s.summary} About {s.duration.replace(/^about /, '')} · resets to {s.scenario}.
              </span>
            </li>
          ))}
        </ul>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={close}>
          Close
        </Button>
      </ButtonGroup>
    </>
  )
}
