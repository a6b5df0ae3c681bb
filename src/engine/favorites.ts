/**
 * Favourite pipelines (spec §B.2, §H.3 #29, sim). Favourites are per user; the simulator's users
 * are its roles, so a pipeline records the roles that starred it. A caller holding several roles
 * stars (and unstars) it for each of them. Setting what is already set changes nothing.
 */
import type { EngineContext } from './context'
import { enforce, type Verdict } from './errors'
import type { Actor, Pipeline } from './model'
import { permits } from './permissions'

export function canToggleFavorite(actor: Actor): Verdict {
  return permits(actor, 'toggleFavorite')
}

/** Whether `actor` has starred the pipeline. */
export const isFavoriteOf = (pipeline: Pipeline, actor: Actor): boolean =>
  pipeline.favoriteOf.some((r) => actor.roles.includes(r))

/** Stars (`favorite = true`) or unstars the pipeline for the caller; returns it. */
export function setFavorite(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  pipelineId: string,
  favorite: boolean,
): Pipeline {
  const pipeline = ctx.pipeline(programId, pipelineId)
  enforce(canToggleFavorite(actor))
  const next = favorite
    ? [...pipeline.favoriteOf, ...actor.roles.filter((r) => !pipeline.favoriteOf.includes(r))]
    : pipeline.favoriteOf.filter((r) => !actor.roles.includes(r))
  if (next.length !== pipeline.favoriteOf.length) {
    pipeline.favoriteOf = next
    ctx.touch()
  }
  return pipeline
}
