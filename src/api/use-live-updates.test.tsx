import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import type { ChangeFeedListener } from './live-updates'
import { useLiveUpdates } from './use-live-updates'

// The feed, played by the test: each subscription's listener is kept to send it revisions.
const feeds: ChangeFeedListener[] = []
vi.mock('./live-updates', () => ({
  subscribeToChanges: (listener: ChangeFeedListener) => {
    feeds.push(listener)
    return () => void feeds.splice(feeds.indexOf(listener), 1)
  },
}))

afterEach(() => {
  feeds.length = 0
})

function mount() {
  const client = new QueryClient()
  const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue()
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  renderHook(() => useLiveUpdates([['pipelines']], { throttleMs: 0 }), { wrapper })
  const feed = feeds[0]
  if (!feed) throw new Error('The hook did not subscribe.')
  return { feed, invalidate }
}

test('the first revision of the feed refreshes what the screen shows once: a change may have come before the feed opened', () => {
  const { feed, invalidate } = mount()
  feed.onChange(7)
  expect(invalidate).toHaveBeenCalledTimes(1)
  expect(invalidate).toHaveBeenCalledWith({ queryKey: ['pipelines'] })
})

test('after the first revision only a different one is news', async () => {
  const { feed, invalidate } = mount()
  feed.onChange(7)
  feed.onChange(7)
  expect(invalidate).toHaveBeenCalledTimes(1)
  // Throttled to at most one refresh per throttleMs (0 here): the next change is refreshed on the next turn.
  await new Promise((resolve) => setTimeout(resolve, 1))
  feed.onChange(8)
  await vi.waitFor(() => expect(invalidate).toHaveBeenCalledTimes(2))
})
