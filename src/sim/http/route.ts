/**
 * The one wrapper every API resolver goes through: apply transport faults, authenticate, bring
 * the clock up to date, run, and turn whatever is thrown into problem+json.
 */
import type { DefaultBodyType, HttpResponseResolver, PathParams } from 'msw'
import type { Actor } from '../../engine/model'
import type { Engine } from '../../engine/engine'
import type { SimRuntime } from '../runtime'
import { authenticate } from './auth'
import { badRequest, toProblem, unauthorized } from './problem'
import { applyTransportFaults } from './transport-faults'

export interface RouteContext<P extends PathParams = PathParams> {
  request: Request
  params: P
  actor: Actor
  engine: Engine
  runtime: SimRuntime
  url: URL
}

export type ApiResolver<P extends PathParams = PathParams> = (ctx: RouteContext<P>) => Response | Promise<Response>

export function apiRoute<P extends PathParams = PathParams>(
  runtime: SimRuntime,
  operation: string,
  resolve: ApiResolver<P>,
): HttpResponseResolver<P, DefaultBodyType> {
  return async ({ request, params }) => {
    // Simulated transport faults (POST /__sim/transport-faults) come first: the engine never sees such a request.
    const fault = await applyTransportFaults(runtime, request)
    if (fault) return fault
    const auth = authenticate(request.headers.get('Authorization'))
    if (!auth.ok) return unauthorized(auth.reason)
    try {
      runtime.sync()
      return await resolve({ request, params, actor: auth.actor, engine: runtime.engine, runtime, url: new URL(request.url) })
    } catch (error) {
      return toProblem(error, operation)
    }
  }
}

/** A resolver for the simulator's own control API: no token, JSON errors all the same. */
export function simRoute<P extends PathParams = PathParams>(
  runtime: SimRuntime,
  resolve: (ctx: { request: Request; params: P; runtime: SimRuntime; url: URL }) => Response | Promise<Response>,
): HttpResponseResolver<P, DefaultBodyType> {
  return async ({ request, params }) => {
    try {
      return await resolve({ request, params, runtime, url: new URL(request.url) })
    } catch (error) {
      return toProblem(error, 'sim')
    }
  }
}

/** Reads a JSON body, answering a clear 400 when it is missing or malformed. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await request.text()
  if (text.trim() === '') return { ok: false, response: badRequest('The request needs a JSON body.') }
  try {
    return { ok: true, body: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, response: badRequest(`The request body is not valid JSON: ${(error as Error).message}`) }
  }
}

export const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString())

export const isoRequired = (ms: number): string => new Date(ms).toISOString()
