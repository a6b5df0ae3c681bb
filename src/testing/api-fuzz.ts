/**
 * API fuzzing, run against every host of the handlers (src/sim/http/fuzz.test.ts: msw/node;
 * src/server/fuzz-http.test.ts: `pipeline-console serve` over real HTTP): every endpoint (enumerated from the registered handlers, checked against the
 * README) answers bad requests — wrong methods, missing or unknown tokens, unknown ids, bad
 * query parameters, malformed JSON, wrong types, unknown fields, 1 MB strings — with a 4xx
 * problem+json whose `status` is the HTTP status, never a 5xx or an exception, and changes
 * nothing (`exportState()` before and after each request).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '../contract/problem'
import { routeTable } from '../sim/http/allowed-methods'
import { createHandlers } from '../sim/http/create-handlers'
import { transportFaults } from '../sim/http/transport-faults'
import type { SimRuntime } from '../sim/runtime'

export interface FuzzTarget {
  /** The backend's runtime, scenario split-pipelines (seed 1) on a paused clock. */
  runtime: SimRuntime
  /** Prefixed to every path: '' where fetch is intercepted (msw/node), the server's URL otherwise. */
  base: string
}

/** Defines the fuzz suite against one host. */
export function fuzzApi({ runtime, base }: FuzzTarget): void {
  afterEach(() => vi.restoreAllMocks())

  const ROUTES = routeTable(createHandlers(runtime))
  const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
  const MB = 'a'.repeat(1_048_576)
  const RUNS = 20

  // Scenario split-pipelines, seed 1: program 1, stage-only pipeline 20 with finished execution 63.
  const execution = runtime.engine.state.executions.find((e) => e.id === '63')!
  const build = execution.steps.find((s) => s.action === 'build')!
  const REPOSITORY = runtime.engine.state.repositories[0]!.id
  const KNOWN: Record<string, string> = {
    programId: '1',
    pipelineId: '20',
    environmentId: runtime.engine.state.environments[0]!.id,
    repositoryId: REPOSITORY,
    executionId: execution.id,
    phaseId: build.phaseId,
    stepId: build.stepId,
    artifactId: 'unknown-until-listed',
    id: '1',
  }

  const concrete = (path: string, values: Record<string, string> = KNOWN) =>
    path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'))

  /** Signed-URL downloads take no token (like Cloud Manager's). */
  const needsToken = (path: string) => path.startsWith('/api/') && !path.endsWith('/download')

  type Template = unknown
  interface BodyRoute {
    /** Bodies that are valid, or nearly: each mutation below makes them invalid. */
    templates: Template[]
    /** The top-level value is an array (variables) rather than an object. */
    array?: boolean
    /** Unknown keys are ignored (SDK compatibility), so adding one does not make a body invalid. */
    loose?: boolean
    /** No body at all is a valid request. */
    optional?: boolean
  }

  const STEP = '/api/program/:programId/pipeline/:pipelineId/execution/:executionId/phase/:phaseId/step/:stepId'

  /** Every route that reads a JSON body, with templates; every other POST/PUT/PATCH must be listed in NO_BODY. */
  const BODY: Record<string, BodyRoute> = {
    'POST /api/program/:programId/pipelines': {
      templates: [
        { name: 'Fuzz', category: 'nonProduction', nonProdKind: 'codeQuality', repositoryId: REPOSITORY, branch: 'main' },
        { name: 'Fuzz', category: 'prodOnly', productionOptions: { pauseBeforeProd: false, scheduled: false } },
      ],
    },
    'PATCH /api/program/:programId/pipeline/:pipelineId': {
      templates: [
        { name: 'Renamed', branch: 'develop' },
        { phases: [{ name: 'BUILD_1', type: 'BUILD', branch: 'develop', repositoryId: REPOSITORY }] },
      ],
    },
    [`PUT ${STEP}/advance`]: {
      loose: true,
      templates: [
        { approved: true },
        { type: 'SCHEDULED', schedule: '2026-12-01T10:00:00Z' },
        { metrics: [{ kpi: 'coverage', override: true }] },
      ],
    },
    [`PUT ${STEP}/cancel`]: { loose: true, templates: [{ cancel: true }, { approved: false }, { override: false }] },
    'POST /api/program/:programId/environments': { templates: [{ name: 'fuzz-dev', type: 'dev', region: 'va7' }] },
    'POST /api/program/:programId/environments/additionalStageRequests': {
      templates: [{ name: 'fuzz-stage', baseBranch: 'MASTER', description: 'Fuzz' }],
    },
    'PATCH /api/program/:programId/environment/:environmentId/variables': {
      array: true,
      loose: true,
      templates: [[{ name: 'FUZZ_VAR', value: 'v', type: 'string' }]],
    },
    'PATCH /api/program/:programId/pipeline/:pipelineId/variables': {
      array: true,
      loose: true,
      templates: [[{ name: 'FUZZ_VAR', value: 'v', type: 'string' }]],
    },
    'POST /__sim/clock/advance': { templates: [{ ms: 1000 }] },
    'PUT /__sim/clock': { templates: [{ speed: 2, paused: false }] },
    'POST /__sim/reset': { templates: [{ scenario: 'fresh-program', seed: 2 }] },
    'POST /__sim/faults': { templates: [{ pipelineId: '20', action: 'build', status: 'FAILED', count: 1 }] },
    'POST /__sim/git/push': { templates: [{ repositoryId: REPOSITORY, branch: 'main' }] },
    'PUT /__sim/state': { templates: [{ version: 1, scenario: 'fuzz' }] },
    'POST /__sim/push-upgrade': { templates: [{ programId: '1' }] },
    'POST /__sim/seed-history': { templates: [{ programId: '1', count: 1 }] },
    'POST /__sim/clock/advance-until-waiting': { optional: true, templates: [{ maxMs: 60_000 }] },
    'POST /__sim/transport-faults': { templates: [{ path: '/api/programs', kind: 'latency', ms: 1, count: 1 }] },
  }

  /** POST/PUT/PATCH routes that take no body (query parameters at most). */
  const NO_BODY = new Set([
    'PUT /api/program/:programId/emergencyMode',
    'PUT /api/program/:programId/pipeline/:pipelineId/execution',
    'PUT /api/program/:programId/pipeline/:pipelineId/favorite',
    'PUT /api/program/:programId/pipeline/:pipelineId/rollback',
  ])

  const ENDPOINTS = ROUTES.flatMap((r) => r.methods.map((method) => ({ method, path: r.path, key: `${method} ${r.path}` })))

  async function send(method: string, path: string, init: { body?: string; token?: string | null } = {}): Promise<Response> {
    const headers = new Headers()
    const token = init.token === undefined ? 'Bearer admin' : init.token
    if (token !== null) headers.set('Authorization', token)
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    return fetch(`${base}${path}`, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) })
  }

  /** Sends a bad request and checks the answer and that nothing changed. */
  async function expectRefused(label: string, request: () => Promise<Response>): Promise<Response> {
    const before = runtime.engine.exportState()
    const faultsBefore = JSON.stringify(transportFaults(runtime).list())
    const response = await request()
    const text = await response.text()
    expect.soft(response.status, `${label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
    expect.soft(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500)
    expect.soft(response.headers.get('Content-Type'), label).toBe(PROBLEM_CONTENT_TYPE)
    let status: unknown
    try {
      status = (JSON.parse(text) as { status?: unknown }).status
    } catch {
      status = `not JSON: ${text.slice(0, 100)}`
    }
    expect.soft(status, label).toBe(response.status)
    const changed = runtime.engine.exportState() !== before
    expect.soft(changed, `${label} changed the state`).toBe(false)
    expect.soft(JSON.stringify(transportFaults(runtime).list()), `${label} changed the transport faults`).toBe(faultsBefore)
    if (changed) await runtime.importState(JSON.parse(before))
    return response
  }

  function expectNoErrorsLogged(): void {
    const logged = vi.spyOn(console, 'error')
    afterEach(() => expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([]))
  }

  describe('the endpoint list', () => {
    it('covers every /__sim control of the README, and every POST/PUT/PATCH is classified', () => {
      const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
      const documented = [...readme.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/__sim\/[^`?\s]*)`(.*)$/gm)]
        // The browser host's own controls (src/sim/host/backend.ts) are tested there.
        .filter((m) => !(m[3] as string).trimStart().startsWith('(browser)'))
        .map((m) => `${m[1]} ${(m[2] as string).replace(/\{(\w+)\}/g, ':$1')}`)
      expect(documented.length).toBeGreaterThan(5)
      const keys = ENDPOINTS.map((e) => e.key)
      for (const doc of documented) expect(keys, `README documents ${doc}`).toContain(doc)
      const unclassified = ENDPOINTS.filter(
        (e) => ['POST', 'PUT', 'PATCH'].includes(e.method) && !BODY[e.key] && !NO_BODY.has(e.key),
      )
      expect(unclassified.map((e) => e.key)).toEqual([])
      expect(ENDPOINTS.length).toBeGreaterThan(40)
    })
  })

  describe('every endpoint refuses bad requests with a 4xx problem and changes nothing', () => {
    expectNoErrorsLogged()

    it('wrong methods on known paths: 405 with an Allow header', async () => {
      for (const route of ROUTES) {
        const path = concrete(route.path)
        for (const method of METHODS.filter((m) => !route.methods.includes(m))) {
          // (Node's fetch cannot send a GET with a body.)
          const body = method === 'GET' ? {} : { body: '{}' }
          const response = await expectRefused(`${method} ${route.path}`, () => send(method, path, body))
          expect.soft(response.status, `${method} ${route.path}`).toBe(405)
          const allow = response.headers.get('Allow')?.split(', ') ?? []
          for (const m of route.methods) expect.soft(allow, `${method} ${route.path}`).toContain(m)
          expect.soft(allow, `${method} ${route.path}`).not.toContain(method)
        }
      }
    })

    it('missing, malformed and unknown tokens: 401', async () => {
      const tokens = [
        null,
        '',
        'admin',
        'Bearer',
        'Bearer nobody',
        'Basic YWRtaW46YWRtaW4=',
        'Bearer admin,nobody',
        `Bearer ${'x'.repeat(10_000)}`,
      ]
      for (const e of ENDPOINTS.filter((x) => needsToken(x.path))) {
        for (const token of tokens) {
          const response = await expectRefused(`${e.key} with ${String(token).slice(0, 30)}`, () =>
            send(e.method, concrete(e.path), {
              token,
              ...(BODY[e.key] ? { body: JSON.stringify(BODY[e.key]!.templates[0]) } : {}),
            }),
          )
          expect.soft(response.status, e.key).toBe(401)
        }
      }
    })

    it('unknown ids, in every position of every path', async () => {
      // (Not `.` or `..`: URL normalisation makes them name another resource.)
      const unknown = ['999999', '0', 'abc', '-1', '1.5', '<script>alert(1)</script>', 'x'.repeat(5_000), '%00', '%2F', ' ']
      for (const e of ENDPOINTS) {
        const params = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string)
        for (const param of params) {
          for (const value of unknown) {
            const path = concrete(e.path, { ...KNOWN, [param]: value })
            const body = BODY[e.key] ? JSON.stringify(BODY[e.key]!.templates[0]) : undefined
            await expectRefused(`${e.key} with ${param}=${value.slice(0, 20)}`, () =>
              send(e.method, path, body === undefined ? {} : { body }),
            )
          }
        }
      }
    })

    it('bad query parameters of the lists and the start', async () => {
      const queries: [string, string][] = [
        ['GET /api/program/:programId/pipeline/:pipelineId/executions', '?start=-1'],
        ['GET /api/program/:programId/pipeline/:pipelineId/executions', '?limit=abc'],
        ['GET /api/program/:programId/pipeline/:pipelineId/executions', '?start=1e99'],
        ['GET /api/program/:programId/executions', '?limit=0'],
        ['GET /api/program/:programId/executions', '?limit=101'],
        ['GET /api/program/:programId/executions', '?start=x'],
        ['GET /api/program/:programId/executions', '?status=NOPE'],
        ['GET /api/program/:programId/executions', '?trigger=NOPE'],
        ['PUT /api/program/:programId/pipeline/:pipelineId/execution', '?pipelineExecutionMode=FAST'],
        ['PUT /api/program/:programId/pipeline/:pipelineId/execution', '?stepId=1&sourceExecutionId=2'],
        ['PUT /api/program/:programId/pipeline/:pipelineId/execution', '?sourceExecutionId=999999'],
        ['PUT /api/program/:programId/pipeline/:pipelineId/execution', '?stepId=999999'],
        ['GET /api/notifications', '?limit=-5'],
      ]
      for (const [key, query] of queries) {
        const [method, path] = key.split(' ') as [string, string]
        expect(
          ENDPOINTS.map((e) => e.key),
          key,
        ).toContain(key)
        const target = concrete(path, key.startsWith('PUT') ? { ...KNOWN, pipelineId: '32' } : KNOWN)
        await expectRefused(`${key}${query}`, () => send(method, `${target}${query}`))
      }
    })

    describe.each(Object.entries(BODY))('%s', (key, route) => {
      const [method, path] = key.split(' ') as [string, string]
      const target = concrete(path)
      const post = (body: string) => send(method, target, { body })

      it('malformed JSON', async () => {
        // (Not a byte-order mark before valid JSON: decoding the body as UTF-8 drops it.)
        const blank = route.optional ? [] : ['', ' ', '\n\t']
        const fixed = [
          ...blank,
          '{',
          '{"name":',
          "{'name': 'x'}",
          '[1,]',
          'NaN',
          'undefined',
          '{"a":1}}',
          '\u0000',
          '{"a":1,"a":',
        ]
        for (const body of fixed) await expectRefused(`${key} ${JSON.stringify(body)}`, () => post(body))
        await fc.assert(
          fc.asyncProperty(
            fc.string().filter((s) => {
              if (route.optional && s.trim() === '') return false
              try {
                JSON.parse(s)
                return false
              } catch {
                return true
              }
            }),
            async (body) => {
              await expectRefused(`${key} ${JSON.stringify(body)}`, () => post(body))
            },
          ),
          { numRuns: RUNS },
        )
      })

      it('wrong types at the top', async () => {
        const scalar = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null))
        const wrong = route.array
          ? fc.oneof(scalar, fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.array(scalar, { minLength: 1 }))
          : fc.oneof(scalar, fc.array(fc.jsonValue()))
        await fc.assert(
          fc.asyncProperty(wrong, async (value) => {
            await expectRefused(`${key} ${JSON.stringify(value).slice(0, 80)}`, () => post(JSON.stringify(value)))
          }),
          { numRuns: RUNS },
        )
      })

      it('unknown fields', async () => {
        const unknownKey = fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', ''),
          fc.string({ minLength: 1 }).map((s) => `x-${s}`),
        )
        await fc.assert(
          fc.asyncProperty(unknownKey, fc.jsonValue(), fc.nat(route.templates.length - 1), async (name, value, i) => {
            // Unknown keys alone never make a body; on a strict schema they spoil a valid one too.
            const only = route.array ? [{ [name]: value }] : { [name]: value }
            await expectRefused(`${key} only ${name}`, () => post(JSON.stringify(only)))
            if (route.loose) return
            const text = JSON.stringify(route.templates[i]).replace(/^\{/, `{${JSON.stringify(name)}:${JSON.stringify(value)},`)
            await expectRefused(`${key} plus ${name}`, () => post(text))
          }),
          { numRuns: RUNS },
        )
      })

      const fields = route.templates.flatMap((template, t) => leaves(template).map((leaf) => ({ t, ...leaf })))

      it('wrong types of known fields', async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue(), async (field, value) => {
            fc.pre(value !== null && kind(value) !== kind(field.value))
            const body = replaceAt(route.templates[field.t], field.path, value)
            await expectRefused(`${key} ${field.path.join('.')}=${JSON.stringify(value).slice(0, 60)}`, () =>
              post(JSON.stringify(body)),
            )
          }),
          { numRuns: RUNS },
        )
      })

      it('1 MB strings in every string field', async () => {
        for (const field of fields.filter((f) => typeof f.value === 'string')) {
          const body = replaceAt(route.templates[field.t], field.path, MB)
          await expectRefused(`${key} ${field.path.join('.')}=1 MB`, () => post(JSON.stringify(body)))
        }
      })
    })
  })
}

type Leaf = { path: (string | number)[]; value: unknown }

/** Every primitive value of a JSON document with its path. */
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
  return [{ path, value }]
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  copy[head] = replaceAt(copy[head], rest, replacement)
  return copy
}

const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value)
