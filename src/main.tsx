import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { forgetInBrowserBackend, usesServerBackend } from './sim/backend-mode'
import { registerServiceWorkerEarly } from './sim/host/early-service-worker'
import { engineWorker, requestedHost } from './sim/host/early-worker'

async function main() {
  // Served by `pipeline-console serve`: the server is the backend, so none starts here.
  const server = usesServerBackend()
  if (server) void forgetInBrowserBackend().catch(() => {})
  // The engine's boot is the longest part of the start: begin it before anything else downloads.
  // If the worker cannot be created here, the simulator falls back to an engine in this tab.
  if (!server && requestedHost() === 'shared-worker') {
    try {
      engineWorker()
    } catch {
      // Left to the simulator, which reports the fallback.
    }
  }
  // A first visit installs the service worker meanwhile too.
  if (!server) registerServiceWorkerEarly()
  // The simulated backend must be answering before the first request is made. The app's code
  // (and, through the router, the current route's) downloads meanwhile; it makes no request on load.
  const simulator = server ? undefined : import('./sim/browser').then(({ startSimulator }) => startSimulator())
  const app = import('./app/app')
  await simulator
  performance.mark('pipeline-console:backend-answers')
  const { App, loadFirstScreen } = await app
  // The first screen's data is asked for at once; the first render waits a moment for it
  // rather than rendering its loading states first.
  await loadFirstScreen()
  performance.mark('pipeline-console:first-data')
  const root = document.getElementById('root')
  if (!root) throw new Error('The page has no #root element.')
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

main().catch((error: unknown) => {
  const root = document.getElementById('root')
  if (root) {
    root.textContent = `Pipeline Console could not start: ${error instanceof Error ? error.message : String(error)}`
    root.setAttribute('role', 'alert')
  }
  throw error
})
