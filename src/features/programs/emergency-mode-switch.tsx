/**
 * [AMS] Emergency Mode for a program (spec §D.11): a Customer Success Engineer turns it on or
 * off here. It shows only when the program offers its `emergencyMode` link — to a CSE, on a
 * Managed Services program; everyone else sees the Run Pipeline dialog change with it.
 */
import { Switch, ToastQueue } from '@react-spectrum/s2'
import { useMutation, useQuery } from '@tanstack/react-query'
import { canChangeEmergencyMode, emergencyModeMutations } from '../../api/resources/emergency-mode'
import { programQueries } from '../../api/resources/programs'
import { problemMessage } from '../../components/failure-message'

export function EmergencyModeSwitch({ programId }: { programId: string }) {
  const program = useQuery(programQueries.detail(programId))
  const change = useMutation({
    ...emergencyModeMutations.set(),
    onError: (error) => ToastQueue.negative(`Emergency Mode could not be changed: ${problemMessage(error)}`, { timeout: 8000 }),
  })
  const data = program.data
  if (!canChangeEmergencyMode(data)) return null
  const enabled = change.isPending ? change.variables.enabled : data.emergencyModeEnabled === true
  return (
    <Switch
      isSelected={enabled}
      isDisabled={change.isPending}
      onChange={(next) => change.mutate({ program: data, enabled: next })}
      description="When on, this program's pipelines may run in Emergency Mode, skipping security and performance testing."
    >
      Emergency Mode
    </Switch>
  )
}
