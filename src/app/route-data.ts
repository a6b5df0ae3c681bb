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

/**
 * What a page at `pathname` shows first. All of it is asked for at once and arrives together, so
 * the first render waits for all of it: rendering before the last list is in would only render the
 * page again (the Pipelines rows once more for their environments' and repositories' names).
 */
function firstQueries(client: QueryClient, pathname: string): Promise<unknown>[] {
  const program = matchPath({ path: paths.program.path, end: false }, pathname)?.params.programId
  if (!program) return []
  // Every program page: the layout's program and the program switcher's list.
  const awaited = [client.prefetchQuery(programQueries.detail(program)), client.prefetchQuery(programQueries.list())]
  if (matchPath(paths.pipelines.getHref(program), pathname)) {
    awaited.push(
      client.prefetchQuery(pipelineQueries.list(program)),
      client.prefetchQuery(environmentQueries.list(program)),
      client.prefetchQuery(repositoryQueries.list(program)),
    )
  }
  return awaited
}

/**
 * Starts the first screen's requests and resolves once what its first render needs is in the
 * cache and `alsoAwait` has settled (the page's module), or after `waitMs` (a slow backend: the
 * page then shows its loading states as usual). Never rejects: a failed request is in the cache
 * as an error, which the page shows.
 */
export async function loadRouteData(
  client: QueryClient,
  pathname: string,
  { alsoAwait = [], waitMs = FIRST_DATA_WAIT_MS }: { alsoAwait?: Promise<unknown>[]; waitMs?: number } = {},
): Promise<void> {
  const awaited = [...firstQueries(client, pathname), ...alsoAwait]
  if (awaited.length === 0) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs)
  })
  await Promise.race([Promise.all(awaited), timeout])
  clearTimeout(timer)
}
