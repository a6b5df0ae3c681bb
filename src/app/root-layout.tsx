import { Provider, ToastContainer } from '@react-spectrum/s2'
import '@react-spectrum/s2/page.css'
import './typeface.css'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { Outlet, useHref, useNavigate } from 'react-router-dom'
import { SimulatorPanel } from '../features/simulator/simulator-panel'
import { SnapshotRecoveryBanner } from '../features/simulator/snapshot-recovery-banner'
import { StoryHost } from '../features/stories/story-host'
import { AppHeader } from './app-header'

/**
 * React Router resolves every href against the current route; an absolute URL (an
 * environment's author URL, say) must stay as it is.
 */
function useAppHref(href: string): string {
  const external = /^[a-z][a-z0-9+.-]*:/i.test(href)
  const resolved = useHref(external ? '.' : href)
  return external ? href : resolved
}

/** The S2 provider lives inside the router so Spectrum links navigate client-side. */
export function RootLayout() {
  const navigate = useNavigate()
  return (
    <Provider
      background="base"
      locale="en-US"
      router={{ navigate: (path) => void navigate(path), useHref: useAppHref }}
      styles={style({ minHeight: 'screen', display: 'flex', flexDirection: 'column' })}
    >
      <AppHeader />
      <SnapshotRecoveryBanner />
      <Outlet />
      <SimulatorPanel />
      <StoryHost />
      <ToastContainer placement="bottom" />
    </Provider>
  )
}
