/**
 * All request handlers of the simulated backend, for one runtime. The same list serves the
 * browser (service worker), Vitest (msw/node) and the HTTP server (`npm run api`).
 */
import { http } from 'msw'
import type { SimRuntime } from '../runtime'
import { environmentHandlers } from './handlers/environments'
import { executionHandlers } from './handlers/executions'
import { pipelineHandlers } from './handlers/pipelines'
import { programHandlers } from './handlers/programs'
import { simHandlers } from './handlers/sim'
import { simFaultHandlers } from './handlers/sim-faults'
import { simStateHandlers } from './handlers/sim-state'
import { variableHandlers } from './handlers/variables'
import { problem } from './problem'
import { PROBLEM_TYPES } from '../../contract/problem'

export function createHandlers(runtime: SimRuntime) {
  return [
    ...simHandlers(runtime),
    ...programHandlers(runtime),
    ...pipelineHandlers(runtime),
    ...environmentHandlers(runtime),
    ...variableHandlers(runtime),
    ...simStateHandlers(runtime),
    ...executionHandlers(runtime),
    ...simFaultHandlers(runtime),
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
