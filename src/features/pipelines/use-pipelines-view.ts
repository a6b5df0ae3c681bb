import { useQuery } from '@tanstack/react-query'
import { environmentQueries } from '../../api/resources/environments'
import { pipelineQueries } from '../../api/resources/pipelines'
import { programQueries } from '../../api/resources/programs'
import { repositoryQueries } from '../../api/resources/repositories'
import { useLiveUpdates } from '../../api/use-live-updates'

/**
 * Pipelines plus the environments and repositories their rows name. Only the pipelines gate
 * the view; names fill in when the others arrive. A pipeline added, run or deleted anywhere —
 * another tab, an API client — shows without a reload.
 */
export function usePipelinesView(programId: string) {
  useLiveUpdates([pipelineQueries.all(), environmentQueries.all(), programQueries.detail(programId).queryKey])
  const pipelines = useQuery(pipelineQueries.list(programId))
  const environments = useQuery(environmentQueries.list(programId))
  const repositories = useQuery(repositoryQueries.list(programId))
  return { pipelines, environments: environments.data ?? [], repositories: repositories.data ?? [] }
}
