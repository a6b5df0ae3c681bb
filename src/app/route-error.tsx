import { Provider } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { Component, type ReactNode } from 'react'
import { ErrorState } from '../components/error-state'

/** Last resort for errors thrown while rendering a route (loading a route module, a bug). */
export function RouteError({ error }: { error: unknown }) {
  return (
    <Provider background="base" locale="en-US" styles={style({ padding: 24 })}>
      <h1 className={style({ font: 'heading-xl' })}>Something went wrong</h1>
      <ErrorState what="this page" error={error} onRetry={() => window.location.reload()} />
    </Provider>
  )
}

interface BoundaryProps {
  /** The current location's key: a navigation clears the error. */
  location: string
  children: ReactNode
}

interface BoundaryState {
  error: unknown
  /** The location the error happened at. */
  at: string | undefined
}

/** Shows `RouteError` for an error thrown while rendering the pages, until the next navigation. */
export class RouteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: undefined, at: undefined }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error ?? new Error('Unknown error') }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    // An error stays where it happened; moving elsewhere renders the pages again.
    return state.at === props.location ? null : { error: undefined, at: props.location }
  }

  override render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />
  }
}
