/**
 * What component tests read and do through the router: the current location, navigating, and
 * following location changes — the app renders in a MemoryRouter, and a probe inside it keeps
 * this handle up to date.
 */
import { type ReactNode, useLayoutEffect } from 'react'
import { type Location, MemoryRouter, type To, useLocation, useNavigate } from 'react-router-dom'

export interface TestRouter {
  readonly state: { location: Location }
  /** Resolves once the new location has rendered. */
  navigate(to: To): Promise<void>
  subscribe(listener: (state: { location: Location }) => void): () => void
}

/** Where the probe reports to: kept outside React, read by the tests. */
class Handle implements TestRouter {
  state: { location: Location }
  go: ((to: To) => void) | undefined
  readonly listeners = new Set<(state: { location: Location }) => void>()

  constructor(location: Location) {
    this.state = { location }
  }

  rendered(location: Location, navigate: (to: To) => void): void {
    this.go = navigate
    this.state = { location }
    for (const listener of this.listeners) listener(this.state)
  }

  navigate(to: To): Promise<void> {
    const go = this.go
    if (!go) return Promise.reject(new Error('The app has not rendered its router yet.'))
    const before = this.state.location.key
    return new Promise((resolve) => {
      const stop = this.subscribe(({ location }) => {
        if (location.key === before) return
        stop()
        resolve()
      })
      go(to)
    })
  }

  subscribe(listener: (state: { location: Location }) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}

function Probe({ handle }: { handle: Handle }) {
  const location = useLocation()
  const navigate = useNavigate()
  useLayoutEffect(() => handle.rendered(location, (to) => void navigate(to)), [handle, location, navigate])
  return null
}

/** A MemoryRouter opened at `url`, and the handle to it. */
export function createTestRouter(url: string): { router: TestRouter; wrap: (children: ReactNode) => ReactNode } {
  const start = new URL(url, 'http://localhost')
  const handle = new Handle({ pathname: start.pathname, search: start.search, hash: start.hash, state: null, key: 'default' })
  const wrap = (children: ReactNode) => (
    <MemoryRouter initialEntries={[url]}>
      <Probe handle={handle} />
      {children}
    </MemoryRouter>
  )
  return { router: handle, wrap }
}
