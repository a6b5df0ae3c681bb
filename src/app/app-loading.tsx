import { Provider } from '@react-spectrum/s2'
import { LoadingState } from '../components/loading-state'

/** Shown while the first route module loads (the router's HydrateFallback). */
export function AppLoading() {
  return (
    <Provider background="base" locale="en-US">
      <LoadingState what="Pipeline Console" />
    </Provider>
  )
}
