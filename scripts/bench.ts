/**
 * `npm run bench`: measures the engine and the built console side by side with yardsticks
 * measured in the same run, and prints one table. Ratios matter; absolute times are noisy.
 *
 *   npm run bench -- --runs 7 --skip-e2e
 *   npm run bench -- --runs 5 --skip-e2e --no-build --json bench-results/latest.json
 *   (also: --verbose, --skip-pages, --skip-live, --skip-activity-page, --activity-runs N, --only-live, --skip-server, --skip-stories, --port N)
 *
 * Each measure is a section (scripts/bench-*.ts for the larger ones) that adds rows to the table
 * and its own top-level keys to the `--json` results; add a section to SECTIONS below.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { spawnSync } from 'node:child_process'
import type { Browser, Page } from '@playwright/test'
import {
  type BenchSection,
  DEFINE_NAME_HELPER,
  flag,
  fmt,
  launchBrowser,
  machine,
  median,
  option,
  OUT,
  PORT_BASE,
  ROOT,
  RUNS,
  type Row,
  stringOption,
} from './bench-common.ts'
import { pagesSection } from './bench-pages.ts'
import { serverSection } from './bench-server.ts'
import { storiesSection } from './bench-stories.ts'
import { serveStatic } from './static-server.ts'

const ROW_TEXT = 'Production Pipeline'
const rows: Row[] = []

async function engineBench(rows: Row[]): Promise<void> {
  const path = resolve(ROOT, 'scripts/bench-engine.ts')
  if (!existsSync(path)) return
  const { runEngineBench } = (await import(path)) as {
    runEngineBench: () => Promise<{
      transitionsPerSecond: number
      fastForwardMs: number
      executions: number
      activity?: {
        largeExecutions: number
        smallExecutions: number
        largeFirstPageMs: number
        smallFirstPageMs: number
        ratio: number
        largeColdMs: number
        runs: number
      }
    }>
  }
  const r = await runEngineBench()
  rows.push({
    measure: 'engine step transitions per second',
    value: fmt(r.transitionsPerSecond),
    baseline: '',
    ratio: '',
    target: '≥ 1,000,000',
  })
  rows.push({
    measure: `fast-forward 14 virtual days, ${r.executions} executions running (ms)`,
    value: fmt(r.fastForwardMs, 1),
    baseline: '',
    ratio: '',
    target: '< 100',
  })
  const a = r.activity
  if (a) {
    rows.push({
      measure: `API: Activity first page, ${fmt(a.largeExecutions)} executions vs ${fmt(a.smallExecutions)} (ms, median of ${a.runs})`,
      value: fmt(a.largeFirstPageMs, 2),
      baseline: fmt(a.smallFirstPageMs, 2),
      ratio: `${fmt(a.ratio, 2)}×`,
      target: '≤ 2×',
    })
    rows.push({
      measure: `API: Activity first answer after the ${fmt(a.largeExecutions)}-execution state changed (ms)`,
      value: fmt(a.largeColdMs, 1),
      baseline: '',
      ratio: '',
      target: '< 250',
    })
  }
}

/** Calls the simulated backend from the page (MSW answers there), as a Deployment Manager for `/api`. */
async function inPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { Authorization: 'Bearer deployment-manager', 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as T }
    },
    { method, path, body },
  )
}

/** Opens the console and waits until its backend answers; then loads `scenario` on a paused clock. */
async function openWithScenario(page: Page, origin: string, scenario: string): Promise<void> {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript(DEFINE_NAME_HELPER)
  await page.goto(`${origin}/programs`)
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 })
  for (let i = 0; i < 100; i++) {
    if ((await inPage(page, 'GET', '/api/programs')).status === 200) break
    await page.waitForTimeout(100)
  }
  await inPage(page, 'POST', '/__sim/reset', { scenario, seed: 1 })
  await inPage(page, 'PUT', '/__sim/clock', { paused: true })
}

interface StepWire {
  id: string
  status: string
  startedAt?: string
  'x-sim': { plannedDurationMs?: number }
}

/**
 * Engine change to DOM: on an open execution page of a running coupled pipeline (clock paused),
 * advance the clock by just enough to finish the running step and time, in the page, from the
 * request to the step card no longer saying "In progress" (a MutationObserver on the card).
 */
async function liveUpdateBench(rows: Row[], browser: Browser, origin: string): Promise<void> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const samples: number[] = []
  try {
    let executionPath = ''
    const startRun = async () => {
      await openWithScenario(page, origin, 'coupled-pipeline')
      const list = await inPage<{ _embedded: { pipelines: Array<{ id: string; name: string }> } }>(
        page,
        'GET',
        '/api/program/1/pipelines',
      )
      const pipeline = list.body._embedded.pipelines.find((p) => p.name === ROW_TEXT)
      if (!pipeline) throw new Error('no Production Pipeline in coupled-pipeline')
      const started = await inPage<{ id: string }>(page, 'PUT', `/api/program/1/pipeline/${pipeline.id}/execution`)
      if (started.status !== 201) throw new Error(`start answered ${started.status}`)
      executionPath = `/api/program/1/pipeline/${pipeline.id}/execution/${started.body.id}`
      await page.goto(`${origin}/program/1/pipeline/${pipeline.id}/execution/${started.body.id}`)
      await page.getByRole('region', { name: 'Execution summary' }).waitFor({ timeout: 30_000 })
    }
    await startRun()
    // One discarded warm-up sample, then RUNS measured ones.
    while (samples.length < RUNS + 1) {
      const detail = await inPage<{ _embedded: { stepStates: StepWire[] } }>(page, 'GET', executionPath)
      const step = detail.body._embedded.stepStates.find((s) => s.status === 'RUNNING')
      const planned = step?.['x-sim'].plannedDurationMs
      if (!step || !step.startedAt || !planned) {
        await startRun() // waiting at the approval, or ended: a new run
        continue
      }
      const clock = await inPage<{ now: string }>(page, 'GET', '/__sim/clock')
      const ms = Math.max(1, Date.parse(step.startedAt) + planned - Date.parse(clock.body.now))
      const card = page.getByRole('article').filter({ has: page.locator(`#step-${step.id}`) })
      await card.getByText('In progress', { exact: true }).first().waitFor({ timeout: 30_000 })
      const elapsed = await page.evaluate(
        async ({ stepId, ms }) => {
          const article = document.querySelector(`article[aria-labelledby="step-${stepId}"]`)
          if (!article) throw new Error(`no card for step ${stepId}`)
          const done = () => !/\bIn progress\b/.test(article.textContent ?? '')
          const t0 = performance.now()
          const changed = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (done()) {
                observer.disconnect()
                resolve(performance.now())
              }
            })
            observer.observe(article, { childList: true, subtree: true, characterData: true })
          })
          await fetch('/__sim/clock/advance', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ ms }),
          })
          const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no DOM change in 15 s')), 15_000))
          return (await Promise.race([changed, timeout])) - t0
        },
        { stepId: step.id, ms },
      )
      samples.push(elapsed)
    }
  } finally {
    await context.close()
  }
  samples.shift()
  rows.push({
    measure: `engine change to DOM on an open execution page (ms, median of ${samples.length})`,
    value: fmt(median(samples), 1),
    baseline: '',
    ratio: '',
    target: '',
  })
}

/** Seeds `count` executions, then times an in-app navigation to Activity until its first row is on screen. */
async function activityFirstRows(browser: Browser, origin: string, count: number): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await openWithScenario(page, origin, 'coupled-pipeline')
    const seeded = await inPage(page, 'POST', '/__sim/seed-history', { programId: '1', count })
    if (seeded.status !== 201) throw new Error(`seed-history answered ${seeded.status}: ${JSON.stringify(seeded.body)}`)
    return await page.evaluate(
      async ({ text }) => {
        const visible = () =>
          [...document.querySelectorAll('[aria-label="Activity"] [role="row"]')].some(
            (el) => el.textContent?.includes(text) && el.getBoundingClientRect().height > 0,
          )
        const t0 = performance.now()
        const shown = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (visible()) {
              observer.disconnect()
              resolve(performance.now())
            }
          })
          observer.observe(document, { childList: true, subtree: true, characterData: true })
        })
        // The router follows history changes: an in-app navigation, no reload.
        history.pushState({}, '', '/program/1/activity')
        dispatchEvent(new PopStateEvent('popstate'))
        const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no Activity row in 60 s')), 60_000))
        return (await Promise.race([shown, timeout])) - t0
      },
      { text: ROW_TEXT },
    )
  } finally {
    await context.close()
  }
}

async function activityPageBench(rows: Row[], browser: Browser, origin: string): Promise<void> {
  const LARGE = 100_000
  const SMALL = 10
  const large: number[] = []
  const small: number[] = []
  const runs = Math.min(RUNS, option('activity-runs', 3))
  for (let i = 0; i < runs; i++) {
    small.push(await activityFirstRows(browser, origin, SMALL))
    large.push(await activityFirstRows(browser, origin, LARGE))
  }
  const a = median(large)
  const b = median(small)
  rows.push({
    measure: `Activity page: first row visible, ${fmt(LARGE)} executions vs ${SMALL} (ms, median of ${runs})`,
    value: fmt(a),
    baseline: fmt(b),
    ratio: `${fmt(a / b, 2)}×`,
    target: '≤ 2×',
  })
}

/** Live-update latency and Activity with a long history, on the built console (`dist`). */
async function liveBench(rows: Row[]): Promise<void> {
  const port = PORT_BASE + 3
  const origin = `http://127.0.0.1:${port}`
  const server = await serveStatic(process.env.BENCH_DIST ?? resolve(ROOT, 'dist'), port)
  const browser = await launchBrowser()
  try {
    await liveUpdateBench(rows, browser, origin)
    if (!flag('skip-activity-page')) await activityPageBench(rows, browser, origin)
  } finally {
    await browser.close()
    server.close()
  }
}

function e2eBench(rows: Row[]): void {
  const start = performance.now()
  const run = spawnSync('npx', ['playwright', 'test', '--reporter=dot'], { cwd: ROOT, stdio: 'inherit' })
  const seconds = (performance.now() - start) / 1000
  rows.push({
    measure: `e2e suite wall time (s${run.status === 0 ? '' : ', FAILED'})`,
    value: fmt(seconds, 1),
    baseline: '',
    ratio: '',
    target: '≤ 180',
  })
}

const onlyLive = flag('only-live') // just the live-update and Activity page measures, on an existing dist

/** The bench, in order. Each section's keys in the JSON results are its own. */
const SECTIONS: BenchSection[] = [
  { name: 'engine', skipped: () => onlyLive, run: engineBench },
  serverSection,
  pagesSection,
  { name: 'live', skipped: () => flag('skip-pages') || flag('skip-live'), run: liveBench },
  storiesSection,
  { name: 'e2e', skipped: () => flag('skip-e2e') || onlyLive, run: e2eBench },
]

/** `--only-pages`: just the page loads (with `--compare DIR`, an A/B of two builds). */
const wanted = (section: BenchSection) => !section.skipped() && (!flag('only-pages') || section.name === 'pages')

const json: Record<string, unknown> = {}
for (const section of SECTIONS) if (wanted(section)) await section.run(rows, json)

mkdirSync(OUT, { recursive: true })
const header = '| measure | value | baseline | ratio | target |\n| --- | ---: | ---: | ---: | --- |'
const table = [header, ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`)].join('\n')
writeFileSync(resolve(OUT, 'latest.md'), `${new Date().toISOString()}\n\n${table}\n`)
console.log(`\n${table}\n`)
const jsonFile = stringOption('json')
if (jsonFile) {
  const results = { ...json, date: new Date().toISOString(), machine: machine() }
  writeFileSync(resolve(process.cwd(), jsonFile), `${JSON.stringify(results, null, 2)}\n`)
}
