import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// Rendering the whole app (S2, lazy route modules, the engine behind msw) is slow on 2 cores,
// most of all for the first test of a file, which also transforms the route modules.
configure({ asyncUtilTimeout: 5_000 })
vi.setConfig({ testTimeout: 30_000 })

// happy-dom does no layout; virtualized collections (TableView) render only what fits their box.
// (Files that opt into `// @vitest-environment node`, e.g. the SDK test, have no DOM.)
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1024 })
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 768 })
}

afterEach(() => cleanup())
