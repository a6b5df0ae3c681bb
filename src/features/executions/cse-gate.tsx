/**
 * CSE Support (`managed`, AMS, spec §D.2, §D.8): the production deployment waits for a Customer
 * Success Engineer. Only the `cse` role gets the step's links, so only it sees Start and Reject;
 * everyone else reads who the step waits for.
 */
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { hasLink } from '../../api/hal'
import type { StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { ConfirmButton } from './confirm-button'
import { RejectDeploymentButton } from './step-gates'
import { useStepDecision } from './use-step-decision'

export const CSE_WORDS = { MY_CSE: 'My CSE', ANY_CSE: 'Any CSE' } as const

export function waitingForText(step: StepState): string {
  const given = step['x-sim'].waitingFor?.description
  if (given) return given
  const cse = step['x-sim'].cse
  return `Waiting for a Customer Success Engineer${cse ? ` (${CSE_WORDS[cse]})` : ''} to start the production deployment.`
}

export function CseGate({ step }: { step: StepState }) {
  const decide = useStepDecision(step)
  const canStart = hasLink(step, REL.advance)
  const canReject = hasLink(step, REL.cancel)
  if (!canStart && !canReject) {
    return (
      <p role="status" className={style({ font: 'body', margin: 0 })}>
        {waitingForText(step)}
      </p>
    )
  }
  return (
    <div className={style({ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' })}>
      {canStart ? (
        <ConfirmButton
          label="Start"
          title="Start the production deployment?"
          confirmLabel="Start"
          variant="accent"
          isPending={decide.isPending}
          onConfirm={() => decide.advance({ start: true })}
        >
          As the overseeing Customer Success Engineer, you start the deployment to production now.
        </ConfirmButton>
      ) : null}
      {canReject ? <RejectDeploymentButton decide={decide} body={{ start: false }} /> : null}
    </div>
  )
}
