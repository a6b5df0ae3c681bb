/**
 * The decisions a waiting step asks for (spec §D.8): override or reject important metric
 * failures, approve or reject the production gate, schedule or stop the production deploy.
 * A button appears only when the step offers the link; otherwise it is shown disabled with the
 * API's reason (`x-sim.blocked`).
 */
import type { DateValue } from '@internationalized/date'
import { Button, DatePicker, Radio, RadioGroup } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useState } from 'react'
import { hasLink } from '../../api/hal'
import type { CancelBody } from '../../api/resources/executions'
import type { Metric, StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { formatDateTime } from '../../components/format-date'
import { BlockedAction } from './blocked-action'
import { ConfirmButton } from './confirm-button'
import { metricName } from './metric-labels'
import { type StepDecision, useStepDecision } from './use-step-decision'

const row = style({ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' })

function blockedReason(step: StepState, action: 'advance' | 'cancel', fallback: string): string {
  return step['x-sim'].blocked[action]?.reason ?? fallback
}

const failingImportant = (metrics: Metric[]) => metrics.filter((m) => m.severity === 'important' && !m.passed && !m.override)

/** Override / Reject for important failures of a waiting quality gate. */
export function MetricsGate({ step, metrics }: { step: StepState; metrics: Metric[] }) {
  const decide = useStepDecision(step)
  const failing = failingImportant(metrics)
  const names = failing.map((m) => metricName(m.kpi)).join(', ')
  return (
    <div className={row}>
      {hasLink(step, REL.advance) ? (
        <ConfirmButton
          label="Override"
          title="Override important failures?"
          confirmLabel="Override"
          variant="accent"
          isPending={decide.isPending}
          // Every failing important metric must be listed (spec §D.8), as the SDK sends them.
          onConfirm={() => decide.advance({ metrics: failing.map((m) => ({ ...m, override: true as const })) })}
        >
          The pipeline continues despite these important failures: {names}.
        </ConfirmButton>
      ) : (
        <BlockedAction label="Override" reason={blockedReason(step, 'advance', 'This step cannot be overridden now.')} />
      )}
      {hasLink(step, REL.cancel) ? (
        <ConfirmButton
          label="Reject"
          title="Reject important failures?"
          confirmLabel="Reject"
          destructive
          isPending={decide.isPending}
          onConfirm={() => decide.cancel({ override: false })}
        >
          The step fails and the execution stops.
        </ConfirmButton>
      ) : (
        <BlockedAction label="Reject" reason={blockedReason(step, 'cancel', 'This step cannot be rejected now.')} />
      )}
    </div>
  )
}

/** Approve / Reject of the production gate (a confirmation dialog each, spec §D.8). */
/** Reject at a gate before production (approval, CSE Support): confirmed, then the step's cancel with `body`. */
export function RejectDeploymentButton({ decide, body }: { decide: StepDecision; body: CancelBody }) {
  return (
    <ConfirmButton
      label="Reject"
      title="Reject the production deployment?"
      confirmLabel="Reject"
      destructive
      isPending={decide.isPending}
      onConfirm={() => decide.cancel(body)}
    >
      Nothing is deployed to production and the execution is cancelled.
    </ConfirmButton>
  )
}

export function ApprovalGate({ step }: { step: StepState }) {
  const decide = useStepDecision(step)
  return (
    <div className={row}>
      {hasLink(step, REL.advance) ? (
        <ConfirmButton
          label="Approve"
          title="Approve the production deployment?"
          confirmLabel="Approve"
          variant="accent"
          isPending={decide.isPending}
          onConfirm={() => decide.advance({ approved: true })}
        >
          The build is deployed to production.
        </ConfirmButton>
      ) : (
        <BlockedAction label="Approve" reason={blockedReason(step, 'advance', 'This step cannot be approved now.')} />
      )}
      {hasLink(step, REL.cancel) ? (
        <RejectDeploymentButton decide={decide} body={{ approved: false }} />
      ) : (
        <BlockedAction label="Reject" reason={blockedReason(step, 'cancel', 'This step cannot be rejected now.')} />
      )}
    </div>
  )
}

const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** A picked date and time in the user's time zone, as ISO-8601 UTC. */
export function toUtcIso(value: DateValue): string {
  const date = 'timeZone' in value && 'offset' in value ? value.toDate() : value.toDate(localTimeZone())
  return date.toISOString()
}

/** Schedule Production Deployment: Now or a date and time, Confirm; or Stop Execution. */
export function ScheduleGate({ step, virtualNow }: { step: StepState; virtualNow: number | undefined }) {
  const decide = useStepDecision(step)
  const [when, setWhen] = useState<'now' | 'later'>('now')
  const [at, setAt] = useState<DateValue | null>(null)
  const scheduled = step['x-sim'].scheduledFor
  if (scheduled) return <p className={style({ font: 'body', margin: 0 })}>Scheduled for {formatDateTime(scheduled)}.</p>
  const canAdvance = hasLink(step, REL.advance)
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 8 })}>
      {canAdvance ? (
        <>
          <RadioGroup
            label="Deploy to production"
            value={when}
            onChange={(v) => setWhen(v === 'later' ? 'later' : 'now')}
            orientation="horizontal"
          >
            <Radio value="now">Now</Radio>
            <Radio value="later">Date and time</Radio>
          </RadioGroup>
          {when === 'later' ? (
            <DatePicker
              label="Deployment date and time"
              granularity="minute"
              value={at}
              onChange={setAt}
              description={`Your time zone (${localTimeZone()}).${virtualNow === undefined ? '' : ` Simulated time now: ${formatDateTime(new Date(virtualNow).toISOString())}.`}`}
            />
          ) : null}
          <div className={row}>
            <Button
              variant="accent"
              isPending={decide.isPending}
              isDisabled={when === 'later' && at === null}
              onPress={() =>
                decide.advance(when === 'now' || !at ? { type: 'IMMEDIATE' } : { type: 'SCHEDULED', schedule: toUtcIso(at) })
              }
            >
              Confirm
            </Button>
          </div>
        </>
      ) : (
        <BlockedAction label="Confirm" reason={blockedReason(step, 'advance', 'The deployment cannot be scheduled now.')} />
      )}
      <div className={row}>
        {hasLink(step, REL.cancel) ? (
          <ConfirmButton
            label="Stop Execution"
            title="Stop the execution?"
            confirmLabel="Stop Execution"
            destructive
            isPending={decide.isPending}
            onConfirm={() => decide.cancel({ cancel: true })}
          >
            Nothing is deployed to production and the execution is cancelled.
          </ConfirmButton>
        ) : (
          <BlockedAction label="Stop Execution" reason={blockedReason(step, 'cancel', 'The execution cannot be stopped now.')} />
        )}
      </div>
    </div>
  )
}
