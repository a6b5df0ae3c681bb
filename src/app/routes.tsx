import { Navigate, type RouteObject } from 'react-router-dom'
import { paths } from '../config/paths'
import { AppLoading } from './app-loading'
import { ProgramLayout } from './program-layout'
import { RootLayout } from './root-layout'
import { RouteError } from './route-error'

/** The route table, shared by the browser router and the memory router of tests. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <AppLoading />,
    children: [
      { path: paths.home.path, element: <Navigate to={paths.programs.getHref()} replace /> },
      { path: paths.programs.path, lazy: () => import('./routes/programs-route') },
      {
        path: paths.program.path,
        element: <ProgramLayout />,
        children: [
          { index: true, element: <Navigate to={paths.overview.path} replace /> },
          { path: paths.overview.path, lazy: () => import('./routes/overview-route') },
          { path: paths.pipelines.path, lazy: () => import('./routes/pipelines-route') },
          { path: paths.environments.path, lazy: () => import('./routes/environments-route') },
          { path: paths.environment.path, lazy: () => import('./routes/environment-route') },
          { path: paths.activity.path, lazy: () => import('./routes/activity-route') },
          { path: paths.audit.path, lazy: () => import('./routes/audit-route') },
          { path: paths.execution.path, lazy: () => import('./routes/execution-route') },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found-route') },
    ],
  },
]
