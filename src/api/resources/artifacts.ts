/**
 * A step's files (spec §D.10): the step's artifacts link lists them by `type`; a file's link
 * answers `{"redirect": …}`, which is fetched like a signed URL (no Authorization header).
 */
import type { ArtifactList, Redirect, StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { ApiError, NetworkError, request } from '../http'

/** The text of the step's artifact of `type`; `missing` is the error's words when the step has none. */
export async function fetchArtifactText(
  step: Pick<StepState, '_links'>,
  type: string,
  missing: string,
  signal?: AbortSignal,
): Promise<string> {
  const init = signal ? { signal } : {}
  const list = await request<ArtifactList>(linkHref(step, REL.stepArtifacts), init)
  const file = list._embedded.artifacts.find((a) => a.type === type)
  if (!file) throw new ApiError(404, { detail: missing })
  const { redirect } = await request<Redirect>(linkHref(file, 'self'), init)
  let response: Response
  try {
    response = await fetch(redirect, init)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new NetworkError('GET', redirect, { cause: error })
  }
  if (!response.ok)
    throw new ApiError(response.status, { detail: `The download of ${file.file} failed with status ${response.status}.` })
  return response.text()
}

/** Code scanning's issues as CSV (`SCAN_ISSUES`, spec §D.5), as the API writes them. */
export const fetchScanIssuesCsv = (step: Pick<StepState, '_links'>, signal?: AbortSignal): Promise<string> =>
  fetchArtifactText(step, 'SCAN_ISSUES', 'This step has no code scanning issues to download.', signal)
