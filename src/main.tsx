import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

async function main() {
  // The simulated backend must be answering before the first request is made.
  const { startSimulator } = await import('./sim/browser')
  await startSimulator()
  const { App } = await import('./app/app')
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
