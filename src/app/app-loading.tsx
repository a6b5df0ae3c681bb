import { Provider } from '@react-spectrum/s2'
import { LoadingState } from '../components/loading-state'

/** Shown while a page module that the first render needs is still loading (the route table's Suspense fallback). */
export function AppLoading() {
  return (
    <Provider background="base" locale="en-US">
      <LoadingState what="Pipeline Console" />
    </Provider>
  )
}
