/**
 * Whether a start of a pipeline is on its way, from the mutation cache: TanStack marks a
 * mutation pending synchronously when it is sent, so checking here before sending another makes
 * every Run of a pipeline single-flight, whichever control sent the first.
 */
import { type MutationFilters, type QueryClient, useIsMutating } from '@tanstack/react-query'
import { pipelineMutations } from '../../../api/resources/pipelines'
import type { Pipeline } from '../../../contract/resources'

function startsOf(pipeline: Pipeline): MutationFilters {
  return {
    mutationKey: pipelineMutations.start(pipeline.programId).mutationKey,
    predicate: (m) => (m.state.variables as { pipeline?: Pipeline } | undefined)?.pipeline?.id === pipeline.id,
  }
}

export const isStarting = (client: QueryClient, pipeline: Pipeline): boolean => client.isMutating(startsOf(pipeline)) > 0

export const useIsStarting = (pipeline: Pipeline): boolean => useIsMutating(startsOf(pipeline)) > 0
