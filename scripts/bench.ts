/**
 * `npm run bench`: measures the engine and the built console side by side with a baseline
 * measured in the same run, and prints one table. Ratios matter; absolute times are noisy.
 *
 *   npm run bench -- --runs 7 --skip-e2e
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { spawnSync } from 'node:child_process'
import { chromium, type Browser } from '@playwright/test'
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

/** Installed before any page script: records when the first row holding `text` is on screen. */
function watchForRow(text: string): void {
  const w = window as unknown as { __rowVisibleAt?: number }
  const check = () => {
    if (w.__rowVisibleAt !== undefined) return
    for (const el of document.querySelectorAll('[role="row"], tr')) {
      if (el.textContent?.includes(text) && el.getBoundingClientRect().height > 0) {
        w.__rowVisibleAt = performance.now()
        return
      }
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
}

async function coldLoad(browser: Browser, url: string): Promise<{ visibleMs: number; jsCssBytes: number }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(watchForRow, ROW_TEXT)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __rowVisibleAt?: number }).__rowVisibleAt !== undefined, null, {
    timeout: 30_000,
  })
  const result = await page.evaluate(() => {
    const visibleAt = (window as unknown as { __rowVisibleAt: number }).__rowVisibleAt
    const bytes = performance
      .getEntriesByType('resource')
      .filter((e) => /\.(js|css)(\?|$)/.test(e.name) && !/mockServiceWorker/.test(e.name))
      .filter((e) => (e as PerformanceResourceTiming).responseEnd <= visibleAt)
      .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0)
    return { visibleMs: visibleAt, jsCssBytes: bytes }
  })
  await context.close()
  return result
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
  const consoleServer = await serveStatic(resolve(ROOT, 'dist'), 4391)
  const baselineServer = await serveStatic(resolve(OUT, 'baseline-dist'), 4392)
  const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p))
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  })
  try {
    const app: Array<{ visibleMs: number; jsCssBytes: number }> = []
    const bare: Array<{ visibleMs: number; jsCssBytes: number }> = []
    // One discarded warm-up pass each, then interleaved runs.
    await coldLoad(browser, 'http://127.0.0.1:4391/program/1/pipelines')
    await coldLoad(browser, 'http://127.0.0.1:4392/')
    for (let i = 0; i < RUNS; i++) {
      app.push(await coldLoad(browser, 'http://127.0.0.1:4391/program/1/pipelines'))
      bare.push(await coldLoad(browser, 'http://127.0.0.1:4392/'))
    }
    const a = median(app.map((r) => r.visibleMs))
    const b = median(bare.map((r) => r.visibleMs))
    rows.push({
      measure: `cold load to first pipeline row visible (ms, median of ${RUNS})`,
      value: fmt(a),
      baseline: fmt(b),
      ratio: `${fmt(a / b, 2)}×`,
      target: '≤ 1.5×',
    })
    const bytes = median(app.map((r) => r.jsCssBytes))
    rows.push({
      measure: 'JS + CSS transferred before the first row (gzip, KB)',
      value: fmt(bytes / 1024, 1),
      baseline: fmt(median(bare.map((r) => r.jsCssBytes)) / 1024, 1),
      ratio: '',
      target: '≤ 250',
    })
  } finally {
    await browser.close()
    consoleServer.close()
    baselineServer.close()
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

await engineBench()
if (!flag('skip-pages')) await pageBench()
if (!flag('skip-e2e')) e2eBench()

mkdirSync(OUT, { recursive: true })
const header = '| measure | value | baseline | ratio | target |\n| --- | ---: | ---: | ---: | --- |'
const table = [header, ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`)].join('\n')
writeFileSync(resolve(OUT, 'latest.md'), `${new Date().toISOString()}\n\n${table}\n`)
console.log(`\n${table}\n`)
