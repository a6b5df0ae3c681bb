/**
 * `npm run bench`: measures the engine and the built console side by side with a baseline
 * measured in the same run, and prints one table. Ratios matter; absolute times are noisy.
 *
 *   npm run bench -- --runs 7 --skip-e2e
 *   npm run bench -- --runs 5 --skip-e2e --no-build   (also: --verbose, --skip-live, --skip-activity-page, --activity-runs N, --only-live, --skip-stories)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { spawnSync } from 'node:child_process'
import { chromium, type Browser, type Page } from '@playwright/test'
import { build } from 'vite'
import { serveStatic } from './static-server.ts'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const RUNS = option('runs', 7)
const ROOT = resolve(import.meta.dirname, '..')
const OUT = resolve(ROOT, 'bench-results')
const ROW_TEXT = 'Production Pipeline'

interface Row {
  measure: string
  value: string
  baseline: string
  ratio: string
  target: string
}
const rows: Row[] = []
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

async function engineBench(): Promise<void> {
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

/** tsx names functions with an `__name` helper that pages passed those functions do not have. */
const DEFINE_NAME_HELPER = 'globalThis.__name = globalThis.__name || ((f) => f)'

/** Installed before any page script: records when the first row holding `text` is on screen. */
function watchForRow(text: string): void {
  const w = window as unknown as { __rowVisibleAt?: number; __rowVisibleWallAt?: number }
  const check = () => {
    if (w.__rowVisibleAt !== undefined) return
    for (const el of document.querySelectorAll('[role="row"], tr')) {
      if (el.textContent?.includes(text) && el.getBoundingClientRect().height > 0) {
        w.__rowVisibleAt = performance.now()
        w.__rowVisibleWallAt = performance.timeOrigin + performance.now()
        return
      }
    }
  }
  // A virtualised table inserts its rows first and sizes them later through their style.
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
}

/** What a static server sent: path, bytes on the wire (gzip), and when (wall clock, ms). */
type SendLog = Array<{ path: string; bytes: number; at: number }>
const recordInto = (log: SendLog) => (path: string, bytes: number) => void log.push({ path, bytes, at: Date.now() })

/**
 * Loads `url` in a new browser context (empty caches, no service worker, no stored state) and
 * returns when the first row showed and the JS and CSS the server sent before it — counted at the
 * server, since requests that pass through the console's service worker report no transfer size,
 * and since the backend's worker scripts are part of what it takes to show the row.
 */
async function coldLoad(browser: Browser, url: string, sent: SendLog): Promise<{ visibleMs: number; jsCssBytes: number }> {
  sent.length = 0
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(DEFINE_NAME_HELPER)
  await page.addInitScript(watchForRow, ROW_TEXT)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __rowVisibleAt?: number }).__rowVisibleAt !== undefined, null, {
    timeout: 30_000,
  })
  const { visibleMs, wallAt } = await page.evaluate(() => {
    const w = window as unknown as { __rowVisibleAt: number; __rowVisibleWallAt: number }
    return { visibleMs: w.__rowVisibleAt, wallAt: w.__rowVisibleWallAt }
  })
  await context.close()
  const jsCssBytes = sent.filter((s) => s.at <= wallAt && /\.(js|css)$/.test(s.path)).reduce((sum, s) => sum + s.bytes, 0)
  return { visibleMs, jsCssBytes }
}

interface LoadTarget {
  name: string
  url: string
  sent: SendLog
  results: Array<{ visibleMs: number; jsCssBytes: number }>
}

async function pageBench(): Promise<void> {
  if (!flag('no-build')) {
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  }
  await build({
    root: resolve(ROOT, 'bench/baseline'),
    logLevel: 'warn',
    configFile: false,
    build: { outDir: resolve(OUT, 'baseline-dist'), emptyOutDir: true, target: 'es2022' },
  })
  // Built with the console's own configuration (locales, CSS chunking) so that only the page differs.
  await build({
    root: resolve(ROOT, 'bench/baseline-s2'),
    logLevel: 'warn',
    configFile: resolve(ROOT, 'vite.config.ts'),
    build: { outDir: resolve(OUT, 'baseline-s2-dist'), emptyOutDir: true },
  })
  const targets: LoadTarget[] = [
    { name: 'console', url: 'http://127.0.0.1:4391/program/1/pipelines', sent: [], results: [] },
    { name: 'bare React', url: 'http://127.0.0.1:4392/', sent: [], results: [] },
    { name: 'Spectrum 2', url: 'http://127.0.0.1:4394/', sent: [], results: [] },
  ]
  const [app, bare, kit] = targets as [LoadTarget, LoadTarget, LoadTarget]
  const servers = await Promise.all([
    serveStatic(resolve(ROOT, 'dist'), 4391, recordInto(app.sent)),
    serveStatic(resolve(OUT, 'baseline-dist'), 4392, recordInto(bare.sent)),
    serveStatic(resolve(OUT, 'baseline-s2-dist'), 4394, recordInto(kit.sent)),
  ])
  const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p))
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  })
  try {
    // One discarded warm-up pass each, then interleaved runs.
    for (const t of targets) await coldLoad(browser, t.url, t.sent)
    for (let i = 0; i < RUNS; i++) {
      for (const t of targets) t.results.push(await coldLoad(browser, t.url, t.sent))
    }
    if (flag('verbose')) {
      // What the last console load fetched, largest first: where the first-row budget goes.
      for (const s of [...app.sent].sort((x, y) => y.bytes - x.bytes))
        console.log(`${fmt(s.bytes / 1024, 1).padStart(8)} KB  ${s.path}`)
    }
    const ms = (t: LoadTarget) => median(t.results.map((r) => r.visibleMs))
    const kb = (t: LoadTarget) => median(t.results.map((r) => r.jsCssBytes)) / 1024
    rows.push({
      measure: `cold load to first pipeline row visible (ms, median of ${RUNS}), vs a bare React page with one row`,
      value: fmt(ms(app)),
      baseline: fmt(ms(bare)),
      ratio: `${fmt(ms(app) / ms(bare), 2)}×`,
      target: '≤ 1.5×',
    })
    rows.push({
      measure: '… the same, vs a Spectrum 2 page with one TableView row (the UI kit alone)',
      value: fmt(ms(app)),
      baseline: fmt(ms(kit)),
      ratio: `${fmt(ms(app) / ms(kit), 2)}×`,
      target: '',
    })
    rows.push({
      measure: 'JS + CSS transferred before the first row (gzip, KB), vs bare React / Spectrum 2 page',
      value: fmt(kb(app), 1),
      baseline: `${fmt(kb(bare), 1)} / ${fmt(kb(kit), 1)}`,
      ratio: '',
      target: '≤ 250',
    })
  } finally {
    await browser.close()
    for (const server of servers) server.close()
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
async function liveUpdateBench(browser: Browser, origin: string): Promise<void> {
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

async function activityPageBench(browser: Browser, origin: string): Promise<void> {
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
async function liveBench(): Promise<void> {
  const server = await serveStatic(process.env.BENCH_DIST ?? resolve(ROOT, 'dist'), 4393)
  const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p))
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  })
  try {
    await liveUpdateBench(browser, 'http://127.0.0.1:4393')
    if (!flag('skip-activity-page')) await activityPageBench(browser, 'http://127.0.0.1:4393')
  } finally {
    await browser.close()
    server.close()
  }
}

function e2eBench(): void {
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

/** Each story played by itself at the human pace (scripts/bench-stories.ts); `--json` puts them under `stories`. */
const storyTimes: Record<string, number> = {}
async function storiesBench(): Promise<void> {
  const { runStoriesBench } = await import('./bench-stories.ts')
  for (const t of await runStoriesBench()) {
    storyTimes[t.id] = Number(t.seconds.toFixed(1))
    rows.push({
      measure: `story ${t.id} in Play at the human pace, to Story complete (s${t.completed ? '' : ', DID NOT COMPLETE'})`,
      value: fmt(t.seconds, 1),
      baseline: '',
      ratio: '',
      target: '≤ 90',
    })
  }
}

const onlyLive = flag('only-live') // just the live-update and Activity page measures, on an existing dist
if (!onlyLive) await engineBench()
if (!flag('skip-pages') && !onlyLive) await pageBench()
if (!flag('skip-pages') && !flag('skip-live')) await liveBench()
if (!flag('skip-stories') && !onlyLive) await storiesBench()
if (!flag('skip-e2e') && !onlyLive) e2eBench()

mkdirSync(OUT, { recursive: true })
const header = '| measure | value | baseline | ratio | target |\n| --- | ---: | ---: | ---: | --- |'
const table = [header, ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`)].join('\n')
writeFileSync(resolve(OUT, 'latest.md'), `${new Date().toISOString()}\n\n${table}\n`)
console.log(`\n${table}\n`)
