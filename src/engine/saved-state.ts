/**
 * What the engine and the HTTP layer need to know about saved state without validating it: the
 * version this build writes, and the error a state that is not valid is refused with. Kept apart
 * from the schemas (snapshot.ts) so that starting an engine loads no zod.
 */

/** 2: AMS (program emergency mode, solutions and KPIs; pipeline AMS options; AMS steps; deploy activity commands). */
export const CURRENT_STATE_VERSION = 3

export class InvalidStateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `This is not a valid simulator state: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    )
    this.name = 'InvalidStateError'
  }
}
