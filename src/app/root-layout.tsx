import { Provider, ToastContainer } from '@react-spectrum/s2'
import '@react-spectrum/s2/page.css'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { Outlet, useHref, useNavigate } from 'react-router-dom'
import { AppHeader } from './app-header'

/** The S2 provider lives inside the router so Spectrum links navigate client-side. */
export function RootLayout() {
  const navigate = useNavigate()
  return (
    <Provider
      background="base"
      locale="en-US"
      router={{ navigate: (path) => void navigate(path), useHref }}
      styles={style({ minHeight: 'screen', display: 'flex', flexDirection: 'column' })}
    >
      <AppHeader />
      <Outlet />
      <ToastContainer placement="bottom" />
    </Provider>
  )
}
