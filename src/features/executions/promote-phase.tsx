/**
 * The Promote Build phase of a stage-only execution (spec §E.3), as the left rail and the
 * phase's section show it: not "In progress" once the run has finished, but whether the build
 * can be promoted now (and if not, why), and once promoted, the production run that took it.
 */
import { Link, StatusLight } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Execution, Promotion } from '../../contract/executions'
import { formatDateTime } from '../../components/format-date'
import { paths } from '../../config/paths'
import { executionStatusView } from './execution-labels'

export type PhaseVariant = 'positive' | 'informative' | 'negative' | 'neutral' | 'notice'

export interface PromotePhaseView {
  /** The rail's badge. */
  label: string
  variant: PhaseVariant
  /** One line under the badge: why, or what happened. */
  note: string
  /** The newest production run that took this build. */
  promotion?: Promotion
}

const RUNNING = new Set(['RUNNING', 'NOT_STARTED', 'CANCELLING'])

export function promotePhase(execution: Execution): PromotePhaseView {
  const sim = execution['x-sim']
  if (RUNNING.has(execution.status))
    return { label: 'Not started', variant: 'neutral', note: 'Available once stage deployment and testing succeed.' }
  if (execution.status !== 'FINISHED')
    return { label: 'Not available', variant: 'neutral', note: 'Only a successful stage-only execution can be promoted.' }
  const promotion = sim.promotions?.[0]
  const can = sim.canPromote
  if (promotion) {
    const run = `production run ${promotion.executionId}`
    switch (promotion.status) {
      case 'RUNNING':
      case 'NOT_STARTED':
      case 'CANCELLING':
        return { label: 'Promoting', variant: 'informative', note: `Deploying with ${run}.`, promotion }
      case 'FINISHED':
        return { label: 'Promoted', variant: 'positive', note: `Deployed to production by ${run}.`, promotion }
      default: {
        const again = can?.allowed ? ' It can be promoted again now.' : ''
        const ended = promotion.status === 'CANCELLED' ? 'was cancelled' : 'failed'
        return {
          label: promotion.status === 'CANCELLED' ? 'Promotion cancelled' : 'Promotion failed',
          variant: promotion.status === 'CANCELLED' ? 'neutral' : 'negative',
          note: `The ${run} ${ended}.${again}`,
          promotion,
        }
      }
    }
  }
  if (can?.allowed)
    return { label: 'Ready to promote', variant: 'positive', note: 'This build can be promoted to production now.' }
  return {
    label: 'Cannot promote now',
    variant: 'notice',
    note: can?.reason ?? 'Promote Build is not available for this execution.',
  }
}

/** The link to a production run, by the execution's route. */
export function PromotionLink({ execution, promotion }: { execution: Execution; promotion: Promotion }) {
  return (
    <Link href={paths.execution.getHref(execution.programId, promotion.pipelineId, promotion.executionId)}>
      Production run {promotion.executionId}
    </Link>
  )
}

/** The rail's line: badge, then the note, with the production run as a link once there is one. */
export function PromotePhaseSummary({ execution, view }: { execution: Execution; view: PromotePhaseView }) {
  return (
    <span className={style({ font: 'body-xs', color: 'neutral-subdued' })}>
      {view.note}
      {view.promotion ? (
        <>
          {' '}
          <PromotionLink execution={execution} promotion={view.promotion} />
        </>
      ) : null}
    </span>
  )
}

/** In the Promote Build section: every production run that took this build, newest first. */
export function PromotionHistory({ execution }: { execution: Execution }) {
  const promotions = execution['x-sim'].promotions ?? []
  if (promotions.length === 0) return null
  return (
    <ul
      aria-label="Production runs that took this build"
      className={style({ listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 })}
    >
      {promotions.map((p) => {
        const status = executionStatusView(p.status)
        return (
          <li key={p.executionId} className={style({ display: 'flex', gap: 8, alignItems: 'center', font: 'body' })}>
            <PromotionLink execution={execution} promotion={p} />
            <span className={style({ font: 'body-sm', color: 'neutral-subdued' })}>started {formatDateTime(p.createdAt)}</span>
            <StatusLight size="S" variant={status.tone}>
              {status.label}
            </StatusLight>
          </li>
        )
      })}
    </ul>
  )
}
