/**
 * [AMS] A paused deploy (spec §D.1, §D.8): Resume carries on with the next activity; Stop,
 * confirmed first, ends the deploy and the execution. Both go through the step's advance link
 * (`{"resume": true}` / `{"resume": false}`: Stop is not a cancel). Roles without the link read
 * who the deploy waits for and why they cannot decide.
 */
import { Button } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { hasLink } from '../../api/hal'
import type { StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { BlockedAction } from './blocked-action'
import { ConfirmButton } from './confirm-button'
import { useStepDecision } from './use-step-decision'

const row = style({ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' })

export function PausedDeployGate({ step }: { step: StepState }) {
  const decide = useStepDecision(step)
  if (!hasLink(step, REL.advance)) {
    const reason =
      step['x-sim'].blocked.advance?.reason ?? step['x-sim'].waitingFor?.description ?? 'The deployment cannot be resumed now.'
    return (
      <div className={row}>
        <BlockedAction label="Resume" reason={reason} />
        <BlockedAction label="Stop" reason={reason} />
      </div>
    )
  }
  return (
    <div className={row}>
      <Button variant="accent" isPending={decide.isPending} onPress={() => decide.advance({ resume: true })}>
        Resume
      </Button>
      <ConfirmButton
        label="Stop"
        title="Stop the deployment?"
        confirmLabel="Stop"
        destructive
        isPending={decide.isPending}
        onConfirm={() => decide.advance({ resume: false })}
      >
        The deployment stops where it paused: its remaining activities do not run and the execution is cancelled.
      </ConfirmButton>
    </div>
  )
}
