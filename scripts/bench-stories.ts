/**
 * How long each story takes to play by itself at the human pace (`?story=<id>&autoplay=1`,
 * `story-pace` 1): from opening the address to "Story complete", wall time, in a fresh browser
 * context each. Target: ≤ 90 s per story.
 *
 *   npx tsx scripts/bench-stories.ts                 (builds dist first unless --no-build)
 *   npx tsx scripts/bench-stories.ts --no-build --only timeout
 */
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { STORIES } from '../src/features/stories/stories/index.ts'
import { type BenchSection, flag, fmt, launchBrowser, PORT_BASE, ROOT } from './bench-common.ts'
import { serveStatic } from './static-server.ts'

// After the ports the page measures use (PORT_BASE … +6).
const PORT = PORT_BASE + 7
/** A story that has not completed by then is reported as such. */
const LIMIT_MS = 180_000

export interface StoryTime {
  id: string
  seconds: number
  completed: boolean
}

export async function runStoriesBench({
  dist = process.env.BENCH_DIST ?? resolve(ROOT, 'dist'),
  only,
}: {
  dist?: string
  only?: readonly string[]
} = {}): Promise<StoryTime[]> {
  const server = await serveStatic(dist, PORT)
  const browser = await launchBrowser()
  const times: StoryTime[] = []
  try {
    for (const story of STORIES.filter((s) => !only || only.includes(s.id))) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      const start = performance.now()
      await page.goto(`http://127.0.0.1:${PORT}/?story=${story.id}&autoplay=1`)
      const completed = await page
        .getByRole('region', { name: 'Story' })
        .getByText('Story complete')
        .waitFor({ timeout: LIMIT_MS })
        .then(() => true)
        .catch(() => false)
      times.push({ id: story.id, seconds: (performance.now() - start) / 1000, completed })
      await context.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  return times
}

/** Each story played by itself at the human pace; the JSON results get `stories: {id: seconds}`. */
export const storiesSection: BenchSection = {
  name: 'stories',
  skipped: () => flag('skip-stories') || flag('only-live'),
  async run(rows, json) {
    const stories: Record<string, number> = {}
    for (const t of await runStoriesBench()) {
      stories[t.id] = Number(t.seconds.toFixed(1))
      rows.push({
        measure: `story ${t.id} in Play at the human pace, to Story complete (s${t.completed ? '' : ', DID NOT COMPLETE'})`,
        value: fmt(t.seconds, 1),
        baseline: '',
        ratio: '',
        target: '≤ 90',
      })
    }
    json.stories = stories
  },
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  if (!args.includes('--no-build')) await build({ root: ROOT, logLevel: 'warn' })
  const onlyAt = args.indexOf('--only')
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : undefined
  const times = await runStoriesBench(only ? { only } : {})
  for (const t of times)
    console.log(`${t.id.padEnd(18)} ${t.seconds.toFixed(1).padStart(6)} s${t.completed ? '' : '  (did not complete)'}`)
}
