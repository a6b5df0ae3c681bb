import type { Actor } from './model'
import { ROLES } from './model'

/** Holds every role: what scenarios and the simulator's own controls act as. */
export const SYSTEM_ACTOR: Actor = { roles: ROLES, userId: 'system@AdobeID' }
