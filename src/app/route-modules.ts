/**
 * Each page's code, loaded when it is first shown. The current page's module starts loading as
 * soon as the app's code starts running (preload-current-route.ts), so it downloads alongside
 * that code instead of after it, and the first render finds it loaded.
 */
import { type ComponentType, lazy } from 'react'

interface PageModule {
  Component: ComponentType
}

const loaders = {
  programs: () => import('./routes/programs-route'),
  overview: () => import('./routes/overview-route'),
  pipelines: () => import('./routes/pipelines-route'),
  environments: () => import('./routes/environments-route'),
  environment: () => import('./routes/environment-route'),
  activity: () => import('./routes/activity-route'),
  audit: () => import('./routes/audit-route'),
  execution: () => import('./routes/execution-route'),
  notFound: () => import('./routes/not-found-route'),
} satisfies Record<string, () => Promise<PageModule>>

export type RouteModule = keyof typeof loaders

const loading = new Map<RouteModule, Promise<PageModule>>()
const loaded = new Map<RouteModule, PageModule>()

/** Loads a page's module once (again after a failure, so that a retry can succeed). */
export function loadRouteModule(name: RouteModule): Promise<PageModule> {
  let promise = loading.get(name)
  if (!promise) {
    promise = loaders[name]().then(
      (module) => {
        loaded.set(name, module)
        return module
      },
      (error: unknown) => {
        loading.delete(name)
        throw error
      },
    )
    loading.set(name, promise)
  }
  return promise
}

/**
 * A thenable that calls back at once: React's `lazy` then renders a module that is already here
 * in the same pass, instead of suspending for a microtask and committing its fallback first.
 */
const settled = <T>(value: T): PromiseLike<T> => ({
  // oxlint-disable-next-line unicorn/no-thenable -- a thenable is what React's lazy takes
  then: <R>(resolve?: ((value: T) => R | PromiseLike<R>) | null) => settled(resolve ? resolve(value) : value) as PromiseLike<R>,
})

function page(name: RouteModule): ComponentType {
  return lazy(() => {
    const module = loaded.get(name)
    const asDefault = (m: PageModule) => ({ default: m.Component })
    return (module ? settled(asDefault(module)) : loadRouteModule(name).then(asDefault)) as Promise<{ default: ComponentType }>
  })
}

/** The pages as components for the route table; each loads its module when first rendered. */
export const pages = Object.fromEntries(Object.keys(loaders).map((name) => [name, page(name as RouteModule)])) as Record<
  RouteModule,
  ComponentType
>

const PROGRAM_SECTIONS: Record<string, RouteModule> = {
  overview: 'overview',
  pipelines: 'pipelines',
  environments: 'environments',
  activity: 'activity',
  audit: 'audit',
}

/** The module the route table renders for `pathname` (paths.ts), if it is one of the console's pages. */
export function routeModuleFor(pathname: string): RouteModule | undefined {
  const parts = pathname.split('/').filter(Boolean)
  if (parts.length === 1 && parts[0] === 'programs') return 'programs'
  if (parts[0] !== 'program' || parts.length < 3) return undefined
  const [, , section, ...rest] = parts
  if (section === 'environment' && rest.length === 1) return 'environment'
  if (section === 'pipeline' && rest.length === 3 && rest[1] === 'execution') return 'execution'
  return rest.length === 0 && section ? PROGRAM_SECTIONS[section] : undefined
}

/**
 * Starts loading the module of the page at `pathname`; resolves when it is loaded (at once for an
 * address that is no page of its own). Never rejects: the page reports a failed load when it renders.
 */
export function preloadRouteModule(pathname: string): Promise<void> {
  const name = routeModuleFor(pathname)
  if (!name) return Promise.resolve()
  return loadRouteModule(name).then(
    () => undefined,
    () => undefined,
  )
}
