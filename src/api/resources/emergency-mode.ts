/**
 * (sim) [AMS] Emergency Mode per program: a Customer Success Engineer turns it on (PUT) or off
 * (DELETE) through the program's `emergencyMode` link → 204. The pipelines' run modes change
 * with it, so both are refetched.
 */
import { mutationOptions } from '@tanstack/react-query'
import type { Program } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { hasLink, linkHref } from '../hal'
import { request } from '../http'
import { pipelineQueries } from './pipelines'
import { programQueries } from './programs'

/** Whether this caller may change the program's Emergency Mode (the link is there only for a CSE on AMS). */
export const canChangeEmergencyMode = (program: Program | undefined): program is Program =>
  program !== undefined && hasLink(program, REL.emergencyMode)

export const emergencyModeMutations = {
  set: () =>
    mutationOptions({
      mutationKey: ['programs', 'emergencyMode'],
      mutationFn: ({ program, enabled }: { program: Program; enabled: boolean }) =>
        request<void>(linkHref(program, REL.emergencyMode), { method: enabled ? 'PUT' : 'DELETE' }),
      meta: { invalidates: [programQueries.all(), pipelineQueries.all()] },
    }),
}
