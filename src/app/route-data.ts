/**
 * The first screen's data, asked for the moment the backend answers — before the app renders,
 * all at once rather than one request after another as the components would ask, mounting in
 * turn. See docs/decisions/009-start-up-at-the-floor.md.
 */
import type { QueryClient } from '@tanstack/react-query'
import { matchPath } from 'react-router-dom'
import { environmentQueries } from '../api/resources/environments'
import { pipelineQueries } from '../api/resources/pipelines'
import { programQueries } from '../api/resources/programs'
import { repositoryQueries } from '../api/resources/repositories'
import { paths } from '../config/paths'

/** How long the first render waits for the data it needs before showing its loading states instead. */
export const FIRST_DATA_WAIT_MS = 1_000

/** What a page at `pathname` shows first: `awaited` gates its first render, `prefetched` fills in. */
function firstQueries(client: QueryClient, pathname: string): { awaited: Promise<unknown>[]; prefetched: Promise<unknown>[] } {
  const program = matchPath({ path: paths.program.path, end: false }, pathname)?.params.programId
  if (!program) return { awaited: [], prefetched: [] }
  // Every program page: the layout's program and the program switcher's list.
  const awaited = [client.prefetchQuery(programQueries.detail(program))]
  const prefetched = [client.prefetchQuery(programQueries.list())]
  if (matchPath(paths.pipelines.getHref(program), pathname)) {
    awaited.push(client.prefetchQuery(pipelineQueries.list(program)))
    // Names in the rows; the table shows without them and fills them in.
    prefetched.push(client.prefetchQuery(environmentQueries.list(program)), client.prefetchQuery(repositoryQueries.list(program)))
  }
  return { awaited, prefetched }
}

/**
 * Starts the first screen's requests and resolves once what its first render needs is in the
 * cache, or after `waitMs` (a slow backend: the page then shows its loading states as usual).
 * Never rejects: a failed request is in the cache as an error, which the page shows.
 */
export async function loadRouteData(client: QueryClient, pathname: string, waitMs = FIRST_DATA_WAIT_MS): Promise<void> {
  const { awaited } = firstQueries(client, pathname)
  if (awaited.length === 0) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs)
  })
  await Promise.race([Promise.all(awaited), timeout])
  clearTimeout(timer)
}
