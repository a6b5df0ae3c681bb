/**
 * The Experience Audit results of a step (spec §D.6): the step's artifacts list names the
 * `CONTENT_AUDIT_RESULTS` file; its link answers `{"redirect": …}`, fetched like a signed URL.
 */
import { queryOptions } from '@tanstack/react-query'
import type { StepState } from '../../contract/executions'
import type { ExperienceAuditResults } from '../../contract/experience-audit'
import { REL } from '../../contract/rels'
import { getLink } from '../hal'
import { fetchArtifactText } from './artifacts'

export async function fetchAuditResults(step: StepState, signal?: AbortSignal): Promise<ExperienceAuditResults> {
  const text = await fetchArtifactText(step, 'CONTENT_AUDIT_RESULTS', 'This step has no Experience Audit results.', signal)
  return JSON.parse(text) as ExperienceAuditResults
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
