import { Provider } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useRouteError } from 'react-router-dom'
import { ErrorState } from '../components/error-state'

/** Last resort for errors thrown while rendering a route (loading a route module, a bug). */
export function RouteError() {
  const error = useRouteError()
  return (
    <Provider background="base" locale="en-US" styles={style({ padding: 24 })}>
      <h1 className={style({ font: 'heading-xl' })}>Something went wrong</h1>
      <ErrorState what="this page" error={error} onRetry={() => window.location.reload()} />
    </Provider>
  )
}
