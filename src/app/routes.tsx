import { Suspense } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router-dom'
import { paths } from '../config/paths'
import { AppLoading } from './app-loading'
import { ProgramLayout } from './program-layout'
import { RootLayout } from './root-layout'
import { RouteErrorBoundary } from './route-error'
import { pages } from './route-modules'

const {
  programs: Programs,
  overview: Overview,
  pipelines: Pipelines,
  environments: Environments,
  environment: Environment,
  activity: Activity,
  audit: Audit,
  execution: Execution,
  notFound: NotFound,
} = pages

/** The route table, shared by the browser router and the memory router of tests. */
export const routeTable = (
  <Route element={<RootLayout />}>
    <Route path={paths.home.path} element={<Navigate to={paths.programs.getHref()} replace />} />
    <Route path={paths.programs.path} element={<Programs />} />
    <Route path={paths.program.path} element={<ProgramLayout />}>
      <Route index element={<Navigate to={paths.overview.path} replace />} />
      <Route path={paths.overview.path} element={<Overview />} />
      <Route path={paths.pipelines.path} element={<Pipelines />} />
      <Route path={paths.environments.path} element={<Environments />} />
      <Route path={paths.environment.path} element={<Environment />} />
      <Route path={paths.activity.path} element={<Activity />} />
      <Route path={paths.audit.path} element={<Audit />} />
      <Route path={paths.execution.path} element={<Execution />} />
    </Route>
    <Route path="*" element={<NotFound />} />
  </Route>
)

/**
 * The console's pages. A page's module loads when it is first shown: navigations are
 * transitions, so the page shown stays until the next one is ready; only a first render whose
 * module is not loaded yet shows the loading state. An error while rendering replaces the pages
 * until the next navigation.
 */
export function AppRoutes() {
  const location = useLocation()
  return (
    <RouteErrorBoundary location={location.key}>
      <Suspense fallback={<AppLoading />}>
        <Routes>{routeTable}</Routes>
      </Suspense>
    </RouteErrorBoundary>
  )
}
