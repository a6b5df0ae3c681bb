/**
 * Imported first by the app module, so it runs before the rest of the app's code is evaluated:
 * the current page's module then downloads while that code runs, instead of after it, when the
 * route table would first ask for it. (Imported by the entry module instead, the route modules
 * would join the entry's module graph, and the bundler would split the shared code into many
 * more chunks: more bytes and requests before the first row.)
 */
import { preloadRouteModule } from './route-modules'

/** Resolves once the current page's module is loaded (or has failed to, which the page reports). */
export const currentRouteModule = preloadRouteModule(window.location.pathname)
