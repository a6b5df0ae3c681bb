/**
 * The product flavour (spec §0.1) comes from the program's `type`, never from a global switch:
 * `aem_managed_services` is Adobe Managed Services (AMS), everything else Cloud Service (CS).
 */
import type { EngineContext } from './context'
import type { Program } from './model'

export type Flavour = 'cs' | 'ams'

export const flavourOfProgram = (program: Pick<Program, 'type'> | undefined): Flavour =>
  program?.type === 'aem_managed_services' ? 'ams' : 'cs'

export const flavourOf = (ctx: EngineContext, programId: string): Flavour => flavourOfProgram(ctx.findProgram(programId))

export const isAms = (ctx: EngineContext, programId: string): boolean => flavourOf(ctx, programId) === 'ams'
