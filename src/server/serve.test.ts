// @vitest-environment node
/**
 * `startServe` over real HTTP on loopback: the console and the API on one origin, the server's
 * status, request size limits, clients that go away, simultaneous commands, and the access key.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '../contract/problem'
import { KEY_COOKIE } from './access'
import { type ServeHandle, ServeUsageError, startServe } from './serve'
import { BACKEND_MARKER } from './static-files'

const running: ServeHandle[] = []
async function serve(options: Parameters<typeof startServe>[0] = {}): Promise<ServeHandle> {
  const handle = await startServe({ port: 0, consoleDir: null, paused: true, ...options })
  running.push(handle)
  return handle
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()))
})

const admin = { Authorization: 'Bearer admin', 'Content-Type': 'application/json' }

/** Reads an event stream with node:http (so the test can drop the connection at will). */
function openStream(url: string): Promise<{ received: () => string; destroy: () => void }> {
  return new Promise((resolve, reject) => {
    let text = ''
    const req = httpRequest(`${url}/__sim/events`, (res) => {
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('error', () => {})
      resolve({ received: () => text, destroy: () => req.destroy() })
    })
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)))
    req.end()
  })
}

const revisions = (text: string) => [...text.matchAll(/data: \{"revision":(\d+)\}/g)].map((m) => Number(m[1]))

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('the API on one origin', () => {
  it('answers /__sim/status as the server host', async () => {
    const { url } = await serve()
    const status = await (await fetch(`${url}/__sim/status`)).json()
    expect(status).toEqual({ host: 'server', restored: false, saved: false })
  })

  it('answers the same API as the browser, and problem+json for unknown paths', async () => {
    const { url } = await serve({ scenario: 'split-pipelines' })
    const programs = await fetch(`${url}/api/programs`, { headers: admin })
    expect(programs.status).toBe(200)
    const unknown = await fetch(`${url}/api/nothing`, { headers: admin })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('Content-Type')).toBe(PROBLEM_CONTENT_TYPE)
  })

  it('refuses a body over 2 MB with 413 problem+json, and changes nothing', async () => {
    const { url, runtime } = await serve({ scenario: 'split-pipelines' })
    const before = runtime.engine.exportState()
    const big = JSON.stringify({ ms: 1, padding: 'x'.repeat(2 * 1024 * 1024) })
    const answer = await fetch(`${url}/__sim/clock/advance`, { method: 'POST', headers: admin, body: big })
    expect(answer.status).toBe(413)
    expect(answer.headers.get('Content-Type')).toBe(PROBLEM_CONTENT_TYPE)
    expect(((await answer.json()) as { status: number }).status).toBe(413)
    // Without a Content-Length (chunked), counted as it arrives.
    const chunked = await fetch(`${url}/__sim/clock/advance`, {
      method: 'POST',
      headers: admin,
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(runtime.engine.exportState()).toBe(before)
    // Just under the limit is read (and refused by the handler for its unknown field, not its size).
    const under = JSON.stringify({ ms: 1, padding: 'x'.repeat(2 * 1024 * 1024 - 100) })
    expect((await fetch(`${url}/__sim/clock/advance`, { method: 'POST', headers: admin, body: under })).status).toBe(400)
  })

  it('two browsers pressing Promote Build at the same moment start exactly one execution; the other gets the 412', async () => {
    const { url, runtime } = await serve({ scenario: 'split-pipelines' })
    const promote = `${url}/api/program/1/pipeline/32/execution?sourceExecutionId=63`
    const answers = await Promise.all([
      fetch(promote, { method: 'PUT', headers: { Authorization: 'Bearer deployment-manager' } }),
      fetch(promote, { method: 'PUT', headers: { Authorization: 'Bearer deployment-manager' } }),
    ])
    expect(answers.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 412])
    expect(answers.find((r) => r.status === 412)?.headers.get('Content-Type')).toBe(PROBLEM_CONTENT_TYPE)
    expect(runtime.engine.state.executions.filter((e) => e.pipelineId === '32')).toHaveLength(1)
  })
})

describe('event streams', () => {
  it('a client that disconnects mid-stream stops neither the clock nor the other clients’ streams', async () => {
    const { url, runtime } = await serve({ scenario: 'split-pipelines', paused: false, speed: 60 })
    const streams = await Promise.all([openStream(url), openStream(url), openStream(url)])
    await until(() => streams.every((s) => revisions(s.received()).length > 0), 'the first event on every stream')
    streams[1]!.destroy()
    // Give the server a moment to see the close, then change something.
    await new Promise((r) => setTimeout(r, 100))
    const revision = runtime.engine.revision
    const started = await fetch(`${url}/api/program/1/pipeline/20/execution`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer deployment-manager' },
    })
    expect(started.status).toBe(201)
    for (const s of [streams[0]!, streams[2]!]) {
      await until(() => revisions(s.received()).some((r) => r > revision), 'the change on a remaining stream')
    }
    // The clock keeps moving in real time: the running execution's steps advance without requests.
    const now = runtime.engine.now
    await until(() => runtime.engine.now > now + 1_000, 'the virtual clock to move')
    const clock = (await (await fetch(`${url}/__sim/clock`)).json()) as { paused: boolean }
    expect(clock.paused).toBe(false)
    for (const s of streams) s.destroy()
  })
})

describe('the console at /', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'console-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><title>x</title></head><body><div id="root"></div></body></html>',
    )
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), `console.log(${JSON.stringify('x'.repeat(4_000))})`)
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('serves index.html with the server-backend marker, revalidated, for every route of the console', async () => {
    const { url } = await serve({ consoleDir: dir })
    for (const path of ['/', '/programs', '/program/1/pipelines?x=1']) {
      const page = await fetch(`${url}${path}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('Cache-Control')).toBe('no-cache')
      expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      const html = await page.text()
      expect(html).toContain(BACKEND_MARKER)
      expect(html.indexOf(BACKEND_MARKER)).toBeLessThan(html.indexOf('<title>'))
    }
    // The API keeps its own answers next to the console.
    expect((await fetch(`${url}/api/nowhere`, { headers: admin })).headers.get('Content-Type')).toBe(PROBLEM_CONTENT_TYPE)
    expect((await fetch(`${url}/__sim/clock`)).status).toBe(200)
  })

  it('gzips, caches hashed assets for a year, answers 304 to a matching ETag and 404 for a missing asset', async () => {
    const { url } = await serve({ consoleDir: dir })
    const asset = await fetch(`${url}/assets/index-AbC123.js`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('Content-Encoding')).toBe('gzip')
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(Number(asset.headers.get('Content-Length'))).toBeLessThan(1_000)
    expect(await asset.text()).toContain('xxxx')
    const etag = asset.headers.get('ETag')!
    expect((await fetch(`${url}/assets/index-AbC123.js`, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect((await fetch(`${url}/favicon.svg`)).headers.get('Cache-Control')).toBe('no-cache')
    expect((await fetch(`${url}/assets/index-old.js`)).status).toBe(404)
    // Only the folder's files are served, never a path outside it (sent raw: fetch would normalise it).
    const raw = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${url}/assets/../../package.json`, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.path = '/assets/../../package.json'
      req.on('error', reject)
      req.end()
    })
    expect(raw).toBe(404)
  })

  it('refuses a console folder without index.html', async () => {
    await expect(serve({ consoleDir: tmpdir() + '/no-such-console' })).rejects.toThrow(/npm run build/)
  })
})

describe('access', () => {
  const KEY = 'correct-horse-battery'

  it('refuses a non-loopback host without an access key, before listening', async () => {
    await expect(serve({ host: '0.0.0.0' })).rejects.toBeInstanceOf(ServeUsageError)
    await expect(serve({ host: '192.168.1.10', accessKey: 'short' })).rejects.toThrow(/at least 8/)
  })

  it('on loopback without a key, refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { url } = await serve()
    const port = new URL(url).port
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/__sim/clock', headers: { Host: host } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
    expect(await status(`localhost:${port}`)).toBe(200)
    expect(await status(`127.0.0.1:${port}`)).toBe(200)
    expect(await status(`[::1]:${port}`)).toBe(200)
    expect(await status(`evil.example:${port}`)).toBe(403)
  })

  it('with a key, answers 401 problem+json to a request without it, and changes nothing', async () => {
    const { url, runtime } = await serve({ accessKey: KEY, scenario: 'split-pipelines' })
    const before = runtime.engine.exportState()
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/api/programs'],
      ['POST', '/__sim/reset'],
      ['PUT', '/api/program/1/pipeline/20/execution'],
      ['GET', '/__sim/events'],
    ] as const) {
      const answer = await fetch(`${url}${path}`, {
        method,
        headers: { ...admin, 'X-Console-Key': 'wrong-key-wrong-key' },
        ...(method === 'POST' ? { body: JSON.stringify({ scenario: 'demo' }) } : {}),
      })
      expect(answer.status, `${method} ${path}`).toBe(401)
      expect(answer.headers.get('Content-Type')).toBe(PROBLEM_CONTENT_TYPE)
    }
    expect(runtime.engine.exportState()).toBe(before)
  })

  it('accepts the key in the X-Console-Key header', async () => {
    const { url } = await serve({ accessKey: KEY })
    const answer = await fetch(`${url}/api/programs`, { headers: { ...admin, 'X-Console-Key': KEY } })
    expect(answer.status).toBe(200)
  })

  it('opening /?key=KEY sets the cookie once and redirects to the same address without the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'))
    writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>')
    try {
      const { url } = await serve({ accessKey: KEY, consoleDir: dir })
      const visit = await fetch(`${url}/program/1/pipelines?key=${KEY}&tab=2`, { redirect: 'manual' })
      expect(visit.status).toBe(303)
      expect(visit.headers.get('Location')).toBe('/program/1/pipelines?tab=2')
      const cookie = visit.headers.get('Set-Cookie')!
      expect(cookie).toMatch(new RegExp(`^${KEY_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Strict`))
      expect(cookie).not.toContain(KEY)
      const jar = cookie.split(';')[0]!
      expect((await fetch(`${url}/program/1/pipelines?tab=2`, { headers: { Cookie: jar } })).status).toBe(200)
      expect((await fetch(`${url}/api/programs`, { headers: { ...admin, Cookie: jar } })).status).toBe(200)
      expect((await fetch(`${url}/api/programs`, { headers: { ...admin, Cookie: `${KEY_COOKIE}=forged` } })).status).toBe(401)
      expect((await fetch(`${url}/?key=not-the-key`, { redirect: 'manual' })).status).toBe(401)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
