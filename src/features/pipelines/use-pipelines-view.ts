import { useQuery } from '@tanstack/react-query'
import { environmentQueries } from '../../api/resources/environments'
import { pipelineQueries } from '../../api/resources/pipelines'
import { repositoryQueries } from '../../api/resources/repositories'

/**
 * Pipelines plus the environments and repositories their rows name. Only the pipelines gate
 * the view; names fill in when the others arrive.
 */
export function usePipelinesView(programId: string) {
  const pipelines = useQuery(pipelineQueries.list(programId))
  const environments = useQuery(environmentQueries.list(programId))
  const repositories = useQuery(repositoryQueries.list(programId))
  return { pipelines, environments: environments.data ?? [], repositories: repositories.data ?? [] }
}
