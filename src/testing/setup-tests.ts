import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// happy-dom does no layout; virtualized collections (TableView) render only what fits their box.
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1024 })
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 768 })

afterEach(() => cleanup())
