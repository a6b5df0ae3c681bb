import { ActionButton, Dialog, DialogTrigger, Text } from '@react-spectrum/s2'
import Tutorials from '@react-spectrum/s2/icons/Tutorials'
import { lazy, Suspense } from 'react'

const StoryList = lazy(() => import('./story-list'))

/** The header's Stories button: a list of guided and self-playing demos of the seed flows. */
export function StoriesButton() {
  return (
    <DialogTrigger>
      <ActionButton isQuiet>
        <Tutorials />
        <Text>Stories</Text>
      </ActionButton>
      <Dialog size="M">
        {({ close }) => (
          <Suspense fallback={null}>
            <StoryList close={close} />
          </Suspense>
        )}
      </Dialog>
    </DialogTrigger>
  )
}
