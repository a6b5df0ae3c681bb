import { Navigate, type RouteObject } from 'react-router-dom'
import { paths } from '../config/paths'
import { AppLoading } from './app-loading'
import { ProgramLayout } from './program-layout'
import { RootLayout } from './root-layout'
import { RouteError } from './route-error'
import { routeModules } from './route-modules'

/** The route table, shared by the browser router and the memory router of tests. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <AppLoading />,
    children: [
      { path: paths.home.path, element: <Navigate to={paths.programs.getHref()} replace /> },
      { path: paths.programs.path, lazy: routeModules.programs },
      {
        path: paths.program.path,
        element: <ProgramLayout />,
        children: [
          { index: true, element: <Navigate to={paths.overview.path} replace /> },
          { path: paths.overview.path, lazy: routeModules.overview },
          { path: paths.pipelines.path, lazy: routeModules.pipelines },
          { path: paths.environments.path, lazy: routeModules.environments },
          { path: paths.environment.path, lazy: routeModules.environment },
          { path: paths.activity.path, lazy: routeModules.activity },
          { path: paths.audit.path, lazy: routeModules.audit },
          { path: paths.execution.path, lazy: routeModules.execution },
        ],
      },
      { path: '*', lazy: routeModules.notFound },
    ],
  },
]
