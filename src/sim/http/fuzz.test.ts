/** The API fuzz suite (src/testing/api-fuzz.ts) against the handlers under msw/node. */
import { fuzzApi } from '../../testing/api-fuzz'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('split-pipelines', { reset: false })
fuzzApi({ runtime: backend.runtime, base: '' })
