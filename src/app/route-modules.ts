/**
 * Each page's code, loaded when it is first shown. The current page's module starts loading as
 * soon as the app's code starts running (preload-current-route.ts), so it downloads alongside
 * that code instead of after it: the router asks for it only once the app module has run.
 */
export const routeModules = {
  programs: () => import('./routes/programs-route'),
  overview: () => import('./routes/overview-route'),
  pipelines: () => import('./routes/pipelines-route'),
  environments: () => import('./routes/environments-route'),
  environment: () => import('./routes/environment-route'),
  activity: () => import('./routes/activity-route'),
  audit: () => import('./routes/audit-route'),
  execution: () => import('./routes/execution-route'),
  notFound: () => import('./routes/not-found-route'),
}

type RouteModule = keyof typeof routeModules

const PROGRAM_SECTIONS: Record<string, RouteModule> = {
  overview: 'overview',
  pipelines: 'pipelines',
  environments: 'environments',
  activity: 'activity',
  audit: 'audit',
}

/** The module the router will load for `pathname` (paths.ts), if it is one of the console's pages. */
export function routeModuleFor(pathname: string): RouteModule | undefined {
  const parts = pathname.split('/').filter(Boolean)
  if (parts.length === 1 && parts[0] === 'programs') return 'programs'
  if (parts[0] !== 'program' || parts.length < 3) return undefined
  const [, , section, ...rest] = parts
  if (section === 'environment' && rest.length === 1) return 'environment'
  if (section === 'pipeline' && rest.length === 3 && rest[1] === 'execution') return 'execution'
  return rest.length === 0 && section ? PROGRAM_SECTIONS[section] : undefined
}

/** Starts loading the module of the page at `pathname`; the router's own request then finds it loaded. */
export function preloadRouteModule(pathname: string): void {
  const name = routeModuleFor(pathname)
  // A failed preload is retried by the router, which reports it.
  if (name) void routeModules[name]().catch(() => {})
}
