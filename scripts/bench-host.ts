/**
 * Where the simulated backend runs (ADR 007): request round trips and start-up through the
 * shared worker vs in the page (`?sim-host=page`), measured on a built console.
 *
 *   npx vite build --outDir /tmp/dist-host && npx tsx scripts/bench-host.ts --dist /tmp/dist-host
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Page } from '@playwright/test'
import { getResponse } from 'msw'
import { createHandlers } from '../src/sim/http/create-handlers.ts'
import { HostConnection } from '../src/sim/host/connection.ts'
import { HostServer } from '../src/sim/host/server.ts'
import { SimRuntime } from '../src/sim/runtime.ts'
import { serveStatic } from './static-server.ts'

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? (args[i + 1] as string) : fallback
}
const DIST = resolve(option('dist', 'dist'))
const PORT = Number(option('port', '4394'))
const REQUESTS = Number(option('requests', '300'))
const LOADS = Number(option('loads', '5'))

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number
}
const fmt = (n: number) => n.toFixed(2)

/** Sequential round trips from inside the page, in ms. */
async function roundTrips(page: Page, path: string, n: number): Promise<number[]> {
  return page.evaluate(
    async ({ path, n }) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) {
        const t = performance.now()
        const res = await fetch(path, { headers: { Authorization: 'Bearer admin' } })
        await res.arrayBuffer()
        out.push(performance.now() - t)
      }
      return out
    },
    { path, n },
  )
}

/** The protocol alone: the same handlers called directly vs through a HostServer/HostConnection pair. */
async function protocolRows(): Promise<string[]> {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'demo' })
  const handlers = createHandlers(runtime)
  const origin = 'http://localhost'
  const server = new HostServer(Promise.resolve({ runtime, handlers, flush: async () => {}, stop: () => {} }), origin)
  const channel = new MessageChannel()
  server.connect(channel.port1)
  const connection = new HostConnection(channel.port2)
  await connection.hello(1_000)
  const request = (path: string) => new Request(`${origin}${path}`, { headers: { Authorization: 'Bearer admin' } })
  const time = async (call: () => Promise<Response | undefined>) => {
    const out: number[] = []
    for (let i = 0; i < REQUESTS + 20; i++) {
      const t = performance.now()
      await (await call())?.arrayBuffer()
      if (i >= 20) out.push(performance.now() - t)
    }
    return out
  }
  const rows: string[] = []
  for (const path of ['/__sim/clock', '/api/program/1/pipelines']) {
    const direct = await time(() => getResponse(handlers, request(path), { baseUrl: origin }))
    const forwarded = await time(() => connection.fetch(request(path)))
    rows.push(`| Node, handlers called directly | GET ${path} | ${fmt(quantile(direct, 0.5))} | ${fmt(quantile(direct, 0.95))} |`)
    rows.push(
      `| Node, through HostConnection → MessagePort → HostServer | GET ${path} | ${fmt(quantile(forwarded, 0.5))} | ${fmt(quantile(forwarded, 0.95))} |`,
    )
  }
  channel.port1.close()
  channel.port2.close()
  return rows
}

async function main() {
  const protocol = await protocolRows()
  if (!existsSync(resolve(DIST, 'index.html'))) throw new Error(`No build in ${DIST}.`)
  const server = await serveStatic(DIST, PORT)
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  })
  const rows: string[] = [...protocol]
  try {
    for (const host of ['page', 'shared-worker'] as const) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const query = host === 'page' ? '?sim-host=page' : ''
      const loads: number[] = []
      for (let i = 0; i < LOADS; i++) {
        const t = performance.now()
        await page.goto(`http://127.0.0.1:${PORT}/programs${query}`)
        await page.getByRole('heading', { level: 1 }).first().waitFor()
        loads.push(performance.now() - t)
      }
      const status = await page.evaluate(async () => (await fetch('/__sim/status')).json())
      if ((status as { host: string }).host !== host) throw new Error(`Expected host ${host}, got ${JSON.stringify(status)}`)
      for (const [label, path] of [
        ['GET /__sim/clock', '/__sim/clock'],
        ['GET /api/program/1/pipelines (demo)', '/api/program/1/pipelines'],
      ] as const) {
        await roundTrips(page, path, 20) // warm-up
        const times = await roundTrips(page, path, REQUESTS)
        rows.push(`| ${host} | ${label} | ${fmt(quantile(times, 0.5))} | ${fmt(quantile(times, 0.95))} |`)
      }
      rows.push(
        `| ${host} | load /programs until the heading shows (median of ${LOADS}) | ${fmt(quantile(loads, 0.5))} | ${fmt(Math.max(...loads))} (max) |`,
      )
      await context.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  console.log(`| host | measure | median ms | p95 ms |\n| --- | --- | ---: | ---: |\n${rows.join('\n')}`)
}

await main()
