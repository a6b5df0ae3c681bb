/**
 * Which story the user asked for (the Stories list, or `?story=<id>` in the address). Kept apart
 * from the runner so the header and the address bar load none of the story code until asked.
 */
export interface StoryRequest {
  id: string
  autoplay: boolean
  /** `?story-pace=`: multiplies the story's delays for people (1 reads comfortably; tests go faster). */
  pace: number
  /** A new number for every request, so asking for the same story again restarts it. */
  n: number
}

let current: StoryRequest | null = null
let count = 0
const listeners = new Set<() => void>()

export const storyRequest = {
  get: (): StoryRequest | null => current,
  open(id: string, { autoplay = false, pace = 1 }: { autoplay?: boolean; pace?: number } = {}): void {
    current = { id, autoplay, pace, n: ++count }
    for (const l of listeners) l()
  },
  close(): void {
    current = null
    for (const l of listeners) l()
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

/** Reads `?story=<id>&autoplay=1&story-pace=<n>`; the rest of the address is left as it was. */
export function storyParams(search: string): { id: string; autoplay: boolean; pace: number; rest: string } | undefined {
  const params = new URLSearchParams(search)
  const id = params.get('story')
  if (!id) return undefined
  const autoplay = params.get('autoplay') === '1' || params.get('autoplay') === 'true'
  const paceParam = Number(params.get('story-pace') ?? '1')
  const pace = Number.isFinite(paceParam) && paceParam > 0 ? Math.min(paceParam, 10) : 1
  for (const key of ['story', 'autoplay', 'story-pace']) params.delete(key)
  const rest = params.toString()
  return { id, autoplay, pace, rest: rest ? `?${rest}` : '' }
}
