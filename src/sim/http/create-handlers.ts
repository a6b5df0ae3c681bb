/**
 * All request handlers of the simulated backend, for one runtime. The same list serves the
 * browser (service worker), Vitest (msw/node) and the HTTP server (`npm run api`).
 */
import { http, type RequestHandler } from 'msw'
import type { SimRuntime } from '../runtime'
import { activityHandlers } from './handlers/activity'
import { auditHandlers } from './handlers/audit'
import { environmentHandlers } from './handlers/environments'
import { executionHandlers } from './handlers/executions'
import { favoriteHandlers } from './handlers/favorites'
import { pipelineHandlers } from './handlers/pipelines'
import { pipelineCacheHandlers } from './handlers/pipeline-cache'
import { programHandlers } from './handlers/programs'
import { pushUpgradeHandlers } from './handlers/push-upgrade'
import { rollbackHandlers } from './handlers/rollback'
import { simHandlers } from './handlers/sim'
import { simEventHandlers } from './handlers/sim-events'
import { simFaultHandlers } from './handlers/sim-faults'
import { notificationHandlers } from './handlers/notifications'
import { simAdvanceHandlers } from './handlers/sim-advance'
import { simStateHandlers } from './handlers/sim-state'
import { simSeedHistoryHandlers } from './handlers/sim-seed-history'
import { variableHandlers } from './handlers/variables'
import { allowedMethods, methodNotAllowed, routeTable } from './allowed-methods'
import { transportFaultHandlers } from './handlers/transport-faults'
import { problem } from './problem'
import { PROBLEM_TYPES } from '../../contract/problem'

export interface CreateHandlersOptions {
  /** A host's own handlers (the browser's `/__sim/status`), tried first and known to the 405 answers. */
  before?: readonly RequestHandler[]
}

export function createHandlers(runtime: SimRuntime, { before = [] }: CreateHandlersOptions = {}): RequestHandler[] {
  const handlers = [
    ...before,
    ...simHandlers(runtime),
    ...simEventHandlers(runtime),
    ...programHandlers(runtime),
    ...pipelineHandlers(runtime),
    ...environmentHandlers(runtime),
    ...variableHandlers(runtime),
    ...simStateHandlers(runtime),
    ...executionHandlers(runtime),
    ...simFaultHandlers(runtime),
    ...activityHandlers(runtime),
    ...auditHandlers(runtime),
    ...rollbackHandlers(runtime),
    ...pipelineCacheHandlers(runtime),
    ...pushUpgradeHandlers(runtime),
    ...notificationHandlers(runtime),
    ...simAdvanceHandlers(runtime),
    ...simSeedHistoryHandlers(runtime),
    ...favoriteHandlers(runtime),
    ...transportFaultHandlers(runtime),
  ]
  const routes = routeTable(handlers)
  // Anything else under the API is answered, not passed on to the network: a known path with
  // another method is a 405 naming the methods it answers, an unknown path a 404.
  const unanswered =
    (what: string) =>
    ({ request }: { request: Request }) => {
      const url = new URL(request.url)
      const allow = allowedMethods(routes, url)
      if (allow.length > 0) return methodNotAllowed(request.method, url, allow)
      return problem(404, PROBLEM_TYPES.notFound, 'Not Found', `No ${what} at ${url.pathname} answers ${request.method}.`)
    }
  return [...handlers, http.all('/api/*', unanswered('resource')), http.all('/__sim/*', unanswered('simulator control'))]
}
