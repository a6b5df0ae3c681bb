import { InlineAlert, Content, Heading, ProgressBar, StatusLight } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { hasLink } from '../../api/hal'
import { executionQueries } from '../../api/resources/executions'
import type { Metric, StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { formatDateTime } from '../../components/format-date'
import { AmsDeployOptions } from './ams-deploy-options'
import { TestAssets } from './test-assets'
import { CseGate } from './cse-gate'
import { DownloadLog } from './download-log'
import { formatDelta, formatDuration, isProdDeploy, isStepDone, stepDescription, stepResult, type Tone } from './execution-labels'
import { AuditScores, MetricsTable } from './metrics-table'
import { PausedDeployGate } from './paused-deploy-gate'
import { MetricGateActions } from './review-summary-dialog'
import { RollingDeploy } from './rolling-deploy'
import { SlowestPagesDialog } from './slowest-pages-dialog'
import { ApprovalGate, MetricsGate, ScheduleGate } from './step-gates'

export interface DurationEstimate {
  averageMs: number
  runs: number
}

export interface StepCardProps {
  step: StepState
  /** Virtual now (ms), for running durations and time left. */
  now: number | undefined
  estimate: DurationEstimate | undefined
  /** Experience Audit scores of the previous run, for the change column. */
  previousAudit?: Metric[] | undefined
  /** Extra lines (Artifacts built by / validated by). */
  details?: ReactNode
  /** Re-execute (or why not), beside Download build log. */
  reExecute?: ReactNode
}

const statusVariant = (tone: Tone) => (tone === 'informative' ? 'informative' : tone)
const meta = style({ font: 'body-sm', color: 'neutral-subdued', margin: 0 })
const line = style({ font: 'body-sm', margin: 0 })

function StepMetrics({ step, previousAudit }: { step: StepState; previousAudit: Metric[] | undefined }) {
  const metrics = useQuery(executionQueries.metrics(step))
  const list = metrics.data ?? []
  if (list.length === 0) return null
  if (step.action === 'contentAudit')
    return (
      <>
        <AuditScores metrics={list} previous={previousAudit} />
        {hasLink(step, REL.stepArtifacts) ? (
          <div>
            <SlowestPagesDialog step={step} />
          </div>
        ) : null}
      </>
    )
  return (
    <>
      <MetricsTable metrics={list} label={step['x-sim'].label} />
      <MetricGateActions step={step} metrics={list} />
      {step.status === 'WAITING' ? <MetricsGate step={step} metrics={list} /> : null}
    </>
  )
}

const DAY_MS = 86_400_000

/** The wait a step is allowed (14 days, or 7 for AMS quality gates and stage approval, spec §D.7). */
function timeoutDays(step: StepState): number {
  const { timeoutAt } = step['x-sim']
  if (!timeoutAt || !step.startedAt) return 14
  return Math.max(1, Math.round((Date.parse(timeoutAt) - Date.parse(step.startedAt)) / DAY_MS))
}

/** One step of the timeline: status, times, duration (live while running), result, actions. */
export function StepCard({ step, now, estimate, previousAudit, details, reExecute }: StepCardProps) {
  const sim = step['x-sim']
  const result = stepResult(step)
  const started = step.startedAt ? Date.parse(step.startedAt) : undefined
  const finished = step.finishedAt ? Date.parse(step.finishedAt) : undefined
  const running = step.status === 'RUNNING'
  const end = finished ?? now
  const elapsed = started === undefined || end === undefined ? undefined : Math.max(0, end - started)
  const planned = sim.plannedDurationMs
  const headingId = `step-${step.id}`
  const description = stepDescription(step)
  const logLabel = step.action === 'deploy' ? 'Download build log' : 'Download log'
  const timeLeft = sim.timeoutAt && now !== undefined ? Date.parse(sim.timeoutAt) - now : undefined
  const hasMetrics = hasLink(step, REL.stepMetrics) && (step.status === 'WAITING' || isStepDone(step.status))
  return (
    <article
      aria-labelledby={headingId}
      className={style({
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        padding: 16,
        borderRadius: 'lg',
        backgroundColor: 'layer-2',
      })}
    >
      <div
        className={style({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' })}
      >
        <h3 id={headingId} className={style({ font: 'title', margin: 0 })}>
          {sim.label}
        </h3>
        <StatusLight variant={statusVariant(result.tone)}>{result.label}</StatusLight>
      </div>
      {description ? <p className={meta}>{description}</p> : null}
      {step.repository ? (
        <p className={line}>
          Repository: {step.repository} · Branch: {step.branch}
          {step.commitId ? ` · Commit: ${step.commitId.slice(0, 12)}` : ''}
        </p>
      ) : null}
      {step.environment ? <p className={line}>Environment: {step.environment}</p> : null}
      {details}
      {started !== undefined ? (
        <p className={line}>
          Started {formatDateTime(step.startedAt)}
          {finished !== undefined ? ` · Finished ${formatDateTime(step.finishedAt)}` : ''}
          {elapsed !== undefined && step.status !== 'WAITING' ? ` · Duration: ${formatDuration(elapsed)}` : ''}
          {finished !== undefined && elapsed !== undefined && estimate && step.status === 'FINISHED'
            ? ` (${formatDelta(elapsed, estimate.averageMs)} vs. average)`
            : ''}
        </p>
      ) : null}
      {running && planned ? (
        <ProgressBar
          label="Progress"
          size="S"
          value={Math.min(99, Math.round(((elapsed ?? 0) / planned) * 100))}
          valueLabel={`${formatDuration(elapsed ?? 0)} of about ${formatDuration(planned)}`}
          styles={style({ maxWidth: 400 })}
        />
      ) : null}
      {running && !planned ? <ProgressBar label="Progress" size="S" isIndeterminate styles={style({ maxWidth: 400 })} /> : null}
      {estimate && step.action !== 'approval' && step.action !== 'schedule' ? (
        <p className={meta}>
          Average duration: {formatDuration(estimate.averageMs)} (over {estimate.runs} earlier successful run
          {estimate.runs === 1 ? '' : 's'})
        </p>
      ) : null}
      {sim.resultMessage && sim.resultMessage !== result.label ? (
        <p className={line}>
          <strong>{result.label}:</strong> {sim.resultMessage}
        </p>
      ) : null}
      {step.status === 'WAITING' && timeLeft !== undefined ? (
        <InlineAlert variant="notice">
          <Heading>Waiting for a decision</Heading>
          <Content>
            {timeLeft > 0 ? `${formatDuration(timeLeft)} left` : 'Timing out now'} before the {timeoutDays(step)}-day timeout (
            {formatDateTime(sim.timeoutAt)}); the execution is then cancelled.
          </Content>
        </InlineAlert>
      ) : null}
      {sim.deployOptions ? <AmsDeployOptions options={sim.deployOptions} /> : null}
      {sim.testAssets ? <TestAssets files={sim.testAssets} /> : null}
      {sim.activities && sim.activities.length > 0 ? <RollingDeploy activities={sim.activities} /> : null}
      {hasMetrics ? <StepMetrics step={step} previousAudit={previousAudit} /> : null}
      {step.status === 'WAITING' && step.action === 'approval' ? <ApprovalGate step={step} /> : null}
      {step.status === 'WAITING' && step.action === 'managed' ? <CseGate step={step} /> : null}
      {step.status === 'WAITING' && step.action === 'schedule' ? <ScheduleGate step={step} virtualNow={now} /> : null}
      {step.status === 'WAITING' && step.action === 'deploy' ? <PausedDeployGate step={step} /> : null}
      {(hasLink(step, REL.stepLogs) && started !== undefined) || reExecute ? (
        <div className={style({ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' })}>
          {hasLink(step, REL.stepLogs) && started !== undefined ? <DownloadLog step={step} label={logLabel} /> : null}
          {isProdDeploy(step) ? reExecute : null}
        </div>
      ) : null}
    </article>
  )
}
