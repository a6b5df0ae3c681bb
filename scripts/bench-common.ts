/**
 * What every `npm run bench` section shares: the command line, the printed table's rows, the
 * JSON results (one top-level key per section), the ports and the browser.
 */
import { existsSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { chromium, type Browser } from '@playwright/test'

const args = process.argv.slice(2)
export const flag = (name: string) => args.includes(`--${name}`)
export function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
export function stringOption(name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

export const RUNS = option('runs', 7)
export const ROOT = resolve(import.meta.dirname, '..')
export const OUT = resolve(ROOT, 'bench-results')
/** The first of the ports the bench's servers listen on (BENCH_PORT, or --port). */
export const PORT_BASE = option('port', Number(process.env.BENCH_PORT ?? 4390))

export interface Row {
  measure: string
  value: string
  baseline: string
  ratio: string
  target: string
}

/** One part of the bench: adds rows to the table and its own top-level keys to the JSON results. */
export interface BenchSection {
  name: string
  /** Whether the command line leaves this section out. */
  skipped: () => boolean
  run: (rows: Row[], json: Record<string, unknown>) => Promise<void> | void
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

/** tsx names functions with an `__name` helper that pages passed those functions do not have. */
export const DEFINE_NAME_HELPER = 'globalThis.__name = globalThis.__name || ((f) => f)'

/** The version of the last browser launched, for `machine()`. */
let browserVersion: string | undefined

export async function launchBrowser(): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p))
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  })
  browserVersion = browser.version()
  return browser
}

/** The machine the numbers were measured on, for the JSON results. */
export function machine(): string {
  const cpu = cpus()
  return [
    `${cpu.length}-core ${cpu[0]?.model.trim() ?? 'CPU'}`,
    `${Math.round(totalmem() / 2 ** 30)} GB`,
    `Linux ${release()}`,
    `Node ${process.versions.node}`,
    ...(browserVersion ? [`Chromium ${browserVersion}`] : []),
  ].join(', ')
}
