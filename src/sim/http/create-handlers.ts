/**
 * All request handlers of the simulated backend, for one runtime. The same list serves the
 * browser (service worker), Vitest (msw/node) and the HTTP server (`npm run api`).
 */
import { http } from 'msw'
import type { SimRuntime } from '../runtime'
import { activityHandlers } from './handlers/activity'
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
import { variableHandlers } from './handlers/variables'
import { problem } from './problem'
import { PROBLEM_TYPES } from '../../contract/problem'

export function createHandlers(runtime: SimRuntime) {
  return [
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
    ...rollbackHandlers(runtime),
    ...pipelineCacheHandlers(runtime),
    ...pushUpgradeHandlers(runtime),
    ...notificationHandlers(runtime),
    ...simAdvanceHandlers(runtime),
    ...favoriteHandlers(runtime),
    // Anything else under the API is answered, not passed on to the network.
    http.all('/api/*', ({ request }) =>
      problem(
        404,
        PROBLEM_TYPES.notFound,
        'Not Found',
        `No resource at ${new URL(request.url).pathname} answers ${request.method}.`,
      ),
    ),
    http.all('/__sim/*', ({ request }) =>
      problem(
        404,
        PROBLEM_TYPES.notFound,
        'Not Found',
        `No simulator control at ${new URL(request.url).pathname} answers ${request.method}.`,
      ),
    ),
  ]
}
