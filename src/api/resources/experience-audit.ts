/**
 * The Experience Audit results of a step (spec §D.6): the step's artifacts list names the
 * `CONTENT_AUDIT_RESULTS` file; its link answers `{"redirect": …}`, fetched like a signed URL.
 */
import { queryOptions } from '@tanstack/react-query'
import type { ArtifactList, Redirect, StepState } from '../../contract/executions'
import type { ExperienceAuditResults } from '../../contract/experience-audit'
import { REL } from '../../contract/rels'
import { getLink, linkHref } from '../hal'
import { ApiError, NetworkError, request } from '../http'

export async function fetchAuditResults(step: StepState, signal?: AbortSignal): Promise<ExperienceAuditResults> {
  const init = signal ? { signal } : {}
  const list = await request<ArtifactList>(linkHref(step, REL.stepArtifacts), init)
  const file = list._embedded.artifacts.find((a) => a.type === 'CONTENT_AUDIT_RESULTS')
  if (!file) throw new ApiError(404, { detail: 'This step has no Experience Audit results.' })
  const { redirect } = await request<Redirect>(linkHref(file, 'self'), init)
  let response: Response
  try {
    response = await fetch(redirect, init)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new NetworkError('GET', redirect, { cause: error })
  }
  if (!response.ok)
    throw new ApiError(response.status, { detail: `The audit results download failed with status ${response.status}.` })
  return (await response.json()) as ExperienceAuditResults
}

export const experienceAuditQueries = {
  /** A finished audit's results never change. */
  results: (step: StepState) =>
    queryOptions({
      queryKey: ['executions', 'audit-results', getLink(step, 'self')?.href ?? '', step.status] as const,
      queryFn: ({ signal }) => fetchAuditResults(step, signal),
      enabled: getLink(step, REL.stepArtifacts) !== undefined,
      staleTime: Number.POSITIVE_INFINITY,
    }),
}
