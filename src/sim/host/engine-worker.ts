/**
 * The SharedWorker that hosts the one simulated backend of every tab of this origin (see
 * docs/decisions/007-shared-backend.md): the engine, its real-time clock and its IndexedDB
 * snapshot live here while any tab is open. Tabs talk to it through host/connection.ts.
 */
// First: globals msw expects, before msw is evaluated.
import './worker-globals'
import { SnapshotStore } from '../persistence'
import { startBackend } from './backend'
import { buildName } from './build-name'
import { HostServer } from './server'

interface SharedWorkerScope {
  onconnect: ((event: MessageEvent) => void) | null
  location: { origin: string }
}

const scope = globalThis as unknown as SharedWorkerScope

let server: HostServer | undefined
const backend = startBackend({
  host: 'shared-worker',
  store: new SnapshotStore(),
  realNow: () => performance.now(),
  tabs: () => server?.size ?? 0,
  // This script's URL is content-hashed and it carries the engine.
  build: buildName(import.meta.url),
})
server = new HostServer(backend, scope.location.origin)
const host = server

// Tabs connect as soon as the script runs; their messages wait in the port until the backend is ready.
scope.onconnect = (event: MessageEvent) => {
  for (const port of event.ports) host.connect(port)
}
