/**
 * Page loads (`npm run bench`): the built console against three yardsticks built and served the
 * same way in the same run, loaded interleaved — a bare React page with one table row, a
 * Spectrum 2 page with one TableView row (the UI kit alone), and a Spectrum 2 page whose row is
 * fetched through an MSW handler (the kit and the mocking: the floor of this stack).
 *
 * Cold: a new browser context (empty cache, no service worker, no stored state) to the first row
 * visible. Warm: in that same context, once the cold page has settled and closed, a new tab
 * opens the page again — the service worker is installed and the HTTP cache is warm, what a
 * release manager sees every day. Bytes are counted at the server (gzip), since requests that
 * pass through a service worker report no transfer size, and the backend's worker scripts are
 * part of what it takes to show the row.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { Browser, BrowserContext } from '@playwright/test'
import { build } from 'vite'
import {
  type BenchSection,
  DEFINE_NAME_HELPER,
  flag,
  fmt,
  launchBrowser,
  median,
  OUT,
  PORT_BASE,
  ROOT,
  round,
  RUNS,
  type Row,
  stringOption,
} from './bench-common.ts'
import { serveStatic } from './static-server.ts'

const ROW_TEXT = 'Production Pipeline'

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

interface Load {
  visibleMs: number
  /** The console's own marks (main.tsx): when its backend answered and its first data was in. */
  marks: Record<string, number>
  jsCssBytes: number
  /** The JS and CSS files sent before the row. */
  files: SendLog
}

/** Opens `url` in a new tab of `context`; resolves when the first row shows (and the tab has settled). */
async function load(context: BrowserContext, url: string, sent: SendLog, settle: boolean): Promise<Load> {
  sent.length = 0
  const page = await context.newPage()
  await page.addInitScript(DEFINE_NAME_HELPER)
  await page.addInitScript(watchForRow, ROW_TEXT)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __rowVisibleAt?: number }).__rowVisibleAt !== undefined, null, {
    timeout: 30_000,
  })
  const { visibleMs, wallAt, marks } = await page.evaluate(() => {
    const w = window as unknown as { __rowVisibleAt: number; __rowVisibleWallAt: number }
    const marks = Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('pipeline-console:'))
        .map((m) => [m.name.slice('pipeline-console:'.length), m.startTime]),
    )
    return { visibleMs: w.__rowVisibleAt, wallAt: w.__rowVisibleWallAt, marks }
  })
  const files = sent.filter((s) => s.at <= wallAt && /\.(js|css)$/.test(s.path))
  const jsCssBytes = files.reduce((sum, s) => sum + s.bytes, 0)
  if (settle) {
    // The service worker controls the page and the backend has saved what it started with.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    await page.waitForTimeout(500)
  }
  await page.close()
  return { visibleMs, marks, jsCssBytes, files }
}

interface Target {
  name: string
  port: number
  dist: string
  path: string
  /** Also loaded warm (a second tab in the same profile). */
  warm: boolean
  sent: SendLog
  cold: Load[]
  warmLoads: Load[]
}

async function buildYardsticks(): Promise<void> {
  if (!flag('no-build')) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  await build({
    root: resolve(ROOT, 'bench/baseline'),
    logLevel: 'warn',
    configFile: false,
    build: { outDir: resolve(OUT, 'baseline-dist'), emptyOutDir: true, target: 'es2022' },
  })
  // Built with the console's own configuration (locales, CSS chunking, fonts) so that only the page differs.
  for (const name of ['baseline-s2', 'baseline-s2-msw']) {
    await build({
      root: resolve(ROOT, 'bench', name),
      logLevel: 'warn',
      configFile: resolve(ROOT, 'vite.config.ts'),
      // MSW's service worker script (the console has its own, src/sim/host/service-worker.ts).
      publicDir: resolve(ROOT, 'bench', 'public'),
      build: { outDir: resolve(OUT, `${name}-dist`), emptyOutDir: true },
    })
  }
}

async function measure(browser: Browser, targets: Target[]): Promise<void> {
  const once = async (t: Target) => {
    const context = await browser.newContext()
    try {
      const url = `http://127.0.0.1:${t.port}${t.path}`
      const cold = await load(context, url, t.sent, t.warm)
      const warm = t.warm ? await load(context, url, t.sent, false) : undefined
      return { cold, warm }
    } finally {
      await context.close()
    }
  }
  // One discarded warm-up pass each, then interleaved runs.
  for (const t of targets) await once(t)
  for (let i = 0; i < RUNS; i++) {
    for (const t of targets) {
      const { cold, warm } = await once(t)
      t.cold.push(cold)
      if (warm) t.warmLoads.push(warm)
    }
  }
}

export const pagesSection: BenchSection = {
  name: 'pages',
  skipped: () => flag('skip-pages') || flag('only-live'),
  async run(rows: Row[], json: Record<string, unknown>) {
    await buildYardsticks()
    const target = (name: string, port: number, dist: string, path: string, warm: boolean): Target => ({
      name,
      port,
      dist,
      path,
      warm,
      sent: [],
      cold: [],
      warmLoads: [],
    })
    const app = target('console', PORT_BASE + 1, resolve(ROOT, 'dist'), '/program/1/pipelines', true)
    const bare = target('bare React', PORT_BASE + 2, resolve(OUT, 'baseline-dist'), '/', false)
    const kit = target('Spectrum 2', PORT_BASE + 4, resolve(OUT, 'baseline-s2-dist'), '/', false)
    const kitMsw = target('Spectrum 2 + MSW', PORT_BASE + 5, resolve(OUT, 'baseline-s2-msw-dist'), '/', true)
    // `--compare DIR`: another build of the console (`vite build --outDir DIR`), loaded interleaved with
    // this one, so that a change is measured against what it changes on the same machine at the same time.
    const compareDir = stringOption('compare')
    const other = compareDir
      ? target(`console (${compareDir})`, PORT_BASE + 6, resolve(process.cwd(), compareDir), '/program/1/pipelines', true)
      : undefined
    const targets = [app, ...(other ? [other] : []), bare, kit, kitMsw]
    const servers = await Promise.all(targets.map((t) => serveStatic(t.dist, t.port, recordInto(t.sent))))
    const browser = await launchBrowser()
    try {
      await measure(browser, targets)
    } finally {
      await browser.close()
      for (const server of servers) server.close()
    }
    if (flag('verbose')) {
      // What the last cold and warm loads fetched before the row, largest first: where the bytes go.
      for (const t of [app, kitMsw]) {
        for (const [kind, loads] of [
          ['cold', t.cold],
          ['warm', t.warmLoads],
        ] as const) {
          console.log(`\n${t.name}, last ${kind} load:`)
          for (const s of [...(loads.at(-1)?.files ?? [])].sort((x, y) => y.bytes - x.bytes))
            console.log(`${fmt(s.bytes / 1024, 1).padStart(8)} KB  ${s.path}`)
        }
      }
    }
    const coldMs = (t: Target) => median(t.cold.map((r) => r.visibleMs))
    const warmMs = (t: Target) => median(t.warmLoads.map((r) => r.visibleMs))
    const kb = (t: Target) => median(t.cold.map((r) => r.jsCssBytes)) / 1024
    const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`
    rows.push(
      {
        measure: `cold load to first pipeline row visible (ms, median of ${RUNS}), vs a Spectrum 2 page whose one TableView row comes through MSW (the floor of this stack)`,
        value: fmt(coldMs(app)),
        baseline: fmt(coldMs(kitMsw)),
        ratio: ratio(coldMs(app), coldMs(kitMsw)),
        target: '≤ 1.3×',
      },
      {
        measure: '… the same, vs the Spectrum 2 page without MSW (the UI kit alone) / a bare React page with one row',
        value: fmt(coldMs(app)),
        baseline: `${fmt(coldMs(kit))} / ${fmt(coldMs(bare))}`,
        ratio: `${ratio(coldMs(app), coldMs(kit))} / ${ratio(coldMs(app), coldMs(bare))}`,
        target: '',
      },
      {
        measure: `warm load (same profile: service worker installed, HTTP cache warm) to first row visible (ms, median of ${RUNS}), vs Spectrum 2 + MSW warm`,
        value: fmt(warmMs(app)),
        baseline: fmt(warmMs(kitMsw)),
        ratio: ratio(warmMs(app), warmMs(kitMsw)),
        target: '≤ 1.3×',
      },
      {
        measure: 'JS + CSS transferred before the first row, cold (gzip, KB), vs Spectrum 2 + MSW / Spectrum 2 / bare React',
        value: fmt(kb(app), 1),
        baseline: `${fmt(kb(kitMsw), 1)} / ${fmt(kb(kit), 1)} / ${fmt(kb(bare), 1)}`,
        ratio: '',
        target: '≤ 300',
      },
    )
    if (other)
      rows.push({
        measure: `… this build vs ${other.name}: cold / warm to first row visible (ms, medians), JS + CSS before it (KB)`,
        value: `${fmt(coldMs(app))} / ${fmt(warmMs(app))} / ${fmt(kb(app), 1)}`,
        baseline: `${fmt(coldMs(other))} / ${fmt(warmMs(other))} / ${fmt(kb(other), 1)}`,
        ratio: `${ratio(coldMs(app), coldMs(other))} / ${ratio(warmMs(app), warmMs(other))}`,
        target: '',
      })
    // Where the console's time goes: its backend answering, its first data, then rendering to the row.
    const mark = (loads: Load[], name: string) => median(loads.map((r) => r.marks[name] ?? Number.NaN))
    const phases = (loads: Load[]) => ({
      backendAnswersMs: round(mark(loads, 'backend-answers')),
      firstDataMs: round(mark(loads, 'first-data')),
      rowMs: round(median(loads.map((r) => r.visibleMs))),
    })
    const startup = { cold: phases(app.cold), warm: phases(app.warmLoads) }
    for (const kind of ['cold', 'warm'] as const)
      rows.push({
        measure: `… console ${kind}: backend answering / first data in / first row visible (ms, medians)`,
        value: `${fmt(startup[kind].backendAnswersMs)} / ${fmt(startup[kind].firstDataMs)} / ${fmt(startup[kind].rowMs)}`,
        baseline: '',
        ratio: '',
        target: '',
      })
    json.startup = startup
    json.coldLoad = {
      consoleMs: round(coldMs(app)),
      bareMs: round(coldMs(bare)),
      kitMs: round(coldMs(kit)),
      kitMswMs: round(coldMs(kitMsw)),
    }
    json.warmLoad = { consoleMs: round(warmMs(app)), kitMswMs: round(warmMs(kitMsw)) }
    json.firstRowKB = { console: round(kb(app)), kitMsw: round(kb(kitMsw)) }
  },
}
