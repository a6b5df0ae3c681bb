/**
 * Execution details (spec §D.14, seeds 000 and 002): header with status and actions, a rail of
 * phase groups, and the step timeline, kept live through the simulator's push channel.
 */
import { Badge, Content, Heading, InlineAlert, Link, ToastQueue } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { hasLink } from '../../api/hal'
import { executionMutations, executionQueries } from '../../api/resources/executions'
import { pipelineQueries } from '../../api/resources/pipelines'
import type { Execution, Metric, StepAction, StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { ErrorState } from '../../components/error-state'
import { formatDateTime } from '../../components/format-date'
import { LoadingState } from '../../components/loading-state'
import { useLiveUpdates } from '../../api/use-live-updates'
import { paths } from '../../config/paths'
import { BlockedAction } from './blocked-action'
import { ConfirmButton } from './confirm-button'
import { ExecutionHistory } from './execution-history'
import { executionStatusView, formatDuration, isProdDeploy, MODE_WORDS, TRIGGER_WORDS, typeLine } from './execution-labels'
import { PromoteBuild } from './promote-build'
import { type PhaseVariant, PromotePhaseSummary, PromotionHistory, promotePhase } from './promote-phase'
import { ReExecute } from './re-execute'
import { type DurationEstimate, StepCard } from './step-card'
import { currentStep, type GroupState, groupProgress, stepGroups } from './step-groups'
import { problemMessage } from '../../components/failure-message'
import { useVirtualNow } from './use-virtual-now'

export interface ExecutionPageProps {
  programId: string
  pipelineId: string
  executionId: string
  /** Renders the Add Production Only Pipeline dialog (composed by the route). */
  renderAddProdOnlyPipeline?: () => ReactNode
}

/** Polling while the push channel is down. */
const FALLBACK_POLL_MS = 2_000

const isRunning = (e: Execution | undefined) => e !== undefined && (e.status === 'RUNNING' || e.status === 'NOT_STARTED')

const promotionRunning = (e: Execution) =>
  (e['x-sim'].promotions ?? []).some((p) => p.status === 'RUNNING' || p.status === 'NOT_STARTED' || p.status === 'CANCELLING')

const sameStep = (a: StepState, b: StepState) =>
  a.action === b.action && a.environmentType === b.environmentType && a['x-sim'].variant === b['x-sim'].variant

/** Average duration of each step over the pipeline's earlier successful executions. */
function estimatesFor(execution: Execution, earlier: Execution[]): Map<string, DurationEstimate> {
  const out = new Map<string, DurationEstimate>()
  const created = Date.parse(execution.createdAt)
  const successful = earlier.filter((e) => e.id !== execution.id && e.status === 'FINISHED' && Date.parse(e.createdAt) < created)
  for (const step of execution._embedded.stepStates) {
    const samples: number[] = []
    for (const e of successful) {
      const s = e._embedded.stepStates.find((x) => sameStep(x, step))
      if (s?.status === 'FINISHED' && s.startedAt && s.finishedAt)
        samples.push(Date.parse(s.finishedAt) - Date.parse(s.startedAt))
    }
    if (samples.length > 0)
      out.set(step.id, { averageMs: samples.reduce((a, b) => a + b, 0) / samples.length, runs: samples.length })
  }
  return out
}

interface RailItem {
  id: string
  title: string
  view: { label: string; variant: PhaseVariant }
  progress: string
  below?: ReactNode
}

const RAIL_VIEW: Record<GroupState, { label: string; variant: PhaseVariant }> = {
  done: { label: 'Done', variant: 'positive' },
  active: { label: 'In progress', variant: 'informative' },
  failed: { label: 'Failed', variant: 'negative' },
  pending: { label: 'Not started', variant: 'neutral' },
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={style({ display: 'flex', flexDirection: 'column' })}>
      <dt className={style({ font: 'detail-sm', color: 'neutral-subdued' })}>{label}</dt>
      <dd className={style({ font: 'body', margin: 0 })}>{children}</dd>
    </div>
  )
}

function CancelExecution({ execution }: { execution: Execution }) {
  const cancel = useMutation({
    ...executionMutations.cancel(),
    onError: (error) => ToastQueue.negative(`Cancel failed: ${problemMessage(error)}`, { timeout: 8000 }),
  })
  if (!isRunning(execution)) return null
  const step = currentStep(execution)
  if (step && hasLink(step, REL.cancel)) {
    return (
      <ConfirmButton
        label="Cancel"
        title="Cancel the execution?"
        confirmLabel="Cancel execution"
        destructive
        isPending={cancel.isPending}
        onConfirm={() => cancel.mutate({ step, body: { cancel: true } })}
      >
        {step['x-sim'].label} is stopped and the execution is cancelled.
      </ConfirmButton>
    )
  }
  const reason = step?.['x-sim'].blocked.cancel?.reason ?? 'No step of this execution can be cancelled right now.'
  return <BlockedAction label="Cancel" reason={reason} />
}

/** Artifacts built by / validated by: links to the executions a reused artifact came from. */
function ArtifactSource({
  programId,
  label,
  executionId,
  candidates,
}: {
  programId: string
  label: string
  executionId: string
  candidates: string[]
}) {
  const located = useQuery(executionQueries.locate(programId, executionId, candidates))
  return (
    <p className={style({ font: 'body-sm', margin: 0 })}>
      {label}: execution ID{' '}
      {located.data ? (
        <Link href={paths.execution.getHref(programId, located.data.pipelineId, executionId)}>{executionId}</Link>
      ) : (
        executionId
      )}
    </p>
  )
}

function Timeline({
  execution,
  renderAddProdOnlyPipeline,
}: {
  execution: Execution
  renderAddProdOnlyPipeline?: (() => ReactNode) | undefined
}) {
  const { programId, pipelineId } = execution
  const running = isRunning(execution)
  const now = useVirtualNow(running)
  const history = useQuery(executionQueries.list(programId, pipelineId))
  const pipelines = useQuery(pipelineQueries.list(programId))
  const earlier = history.data?.executions ?? []
  const estimates = estimatesFor(execution, earlier)
  const groups = stepGroups(execution)
  const sim = execution['x-sim']
  const promote = sim.category === 'stageOnly'
  const stageOnlyIds = (pipelines.data ?? []).filter((p) => p['x-sim'].category === 'stageOnly').map((p) => p.id)

  // Experience Audit: scores of the previous run that has them.
  const created = Date.parse(execution.createdAt)
  const previousAuditStep = earlier
    .filter((e) => e.id !== execution.id && Date.parse(e.createdAt) < created)
    .map((e) => e._embedded.stepStates.find((s) => s.action === 'contentAudit' && s.status === 'FINISHED'))
    .find((s) => s !== undefined)
  const previousAudit = useQuery({ ...executionQueries.metrics(previousAuditStep), enabled: previousAuditStep !== undefined })
  const previous: Metric[] | undefined = previousAudit.data

  const promoteView = promote ? promotePhase(execution) : undefined
  const rail: RailItem[] = [
    ...groups.map((g) => ({ id: `group-${g.key}`, title: g.title, view: RAIL_VIEW[g.state], progress: groupProgress(g) })),
    ...(promoteView
      ? [
          {
            id: 'group-promote',
            title: 'Promote Build',
            // Whether the build can be promoted now, or where it went, rather than a step's progress.
            view: { label: promoteView.label, variant: promoteView.variant },
            progress: '',
            below: <PromotePhaseSummary execution={execution} view={promoteView} />,
          },
        ]
      : []),
  ]
  const scrollTo = (id: string) => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })

  return (
    <div className={style({ display: 'flex', gap: 24, alignItems: 'start', flexWrap: 'wrap' })}>
      <nav aria-label="Phases" className={style({ flexShrink: 0, width: 240 })}>
        <ol className={style({ listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 })}>
          {rail.map((r) => (
            // The kit's Link takes the font of its surroundings: the item sets the body font.
            <li key={r.id} className={style({ display: 'flex', flexDirection: 'column', gap: 2, font: 'body' })}>
              <Link isQuiet onPress={() => scrollTo(r.id)}>
                {r.title}
              </Link>
              <span className={style({ display: 'flex', gap: 8, alignItems: 'center', font: 'body-xs' })}>
                <Badge size="S" variant={r.view.variant}>
                  {r.view.label}
                </Badge>
                {r.progress}
              </span>
              {r.below}
            </li>
          ))}
        </ol>
      </nav>
      <div className={style({ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 24 })}>
        {groups.map((g) => (
          <section
            key={g.key}
            id={`group-${g.key}`}
            aria-labelledby={`group-${g.key}-heading`}
            className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}
          >
            <h2 id={`group-${g.key}-heading`} className={style({ font: 'heading-sm', margin: 0, textTransform: 'uppercase' })}>
              {g.title}
            </h2>
            {g.steps.map((step) => (
              <StepCard
                key={step.id}
                step={step}
                now={now}
                estimate={estimates.get(step.id)}
                previousAudit={step.action === 'contentAudit' ? previous : undefined}
                details={
                  step.action === 'build' && (sim.builtByExecutionId || sim.validatedByExecutionId) && step['x-sim'].variant ? (
                    <>
                      {sim.builtByExecutionId ? (
                        <ArtifactSource
                          programId={programId}
                          label="Artifacts built by"
                          executionId={sim.builtByExecutionId}
                          candidates={step['x-sim'].variant === 'artifactPreparation' ? stageOnlyIds : [pipelineId]}
                        />
                      ) : null}
                      {sim.validatedByExecutionId ? (
                        <ArtifactSource
                          programId={programId}
                          label="Artifacts validated by"
                          executionId={sim.validatedByExecutionId}
                          candidates={stageOnlyIds}
                        />
                      ) : null}
                    </>
                  ) : undefined
                }
                reExecute={isProdDeploy(step) ? <ReExecute execution={execution} step={step} /> : undefined}
              />
            ))}
          </section>
        ))}
        {promote ? (
          <section
            id="group-promote"
            aria-labelledby="group-promote-heading"
            className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}
          >
            <h2 id="group-promote-heading" className={style({ font: 'heading-sm', margin: 0, textTransform: 'uppercase' })}>
              Promote Build
            </h2>
            <PromotionHistory execution={execution} />
            <PromoteBuild execution={execution} renderAddProdOnlyPipeline={renderAddProdOnlyPipeline} />
          </section>
        ) : null}
      </div>
    </div>
  )
}

const SKIPPED_WORDS: Partial<Record<StepAction, string>> = {
  securityTest: 'Security Testing',
  loadTest: 'Performance Testing',
  assetsTest: 'Assets performance testing',
  reportPerformanceTest: 'the performance test report',
  contentAudit: 'Experience Audit',
}

/** What an emergency run left out (spec §D.3 #9): security, performance and experience audit steps. */
function emergencyText(skipped: readonly StepAction[]): string {
  const names = [...new Set(skipped.map((a) => SKIPPED_WORDS[a] ?? a))]
  return names.length > 0
    ? `This run skipped ${names.join(', ')}. Approvals still apply.`
    : 'This run skips security tests and performance tests. Approvals still apply.'
}

function Header({ execution, nonProdKind }: { execution: Execution; nonProdKind?: 'codeQuality' | 'deployment' | undefined }) {
  const sim = execution['x-sim']
  const status = executionStatusView(execution.status)
  const now = useVirtualNow(isRunning(execution))
  const started = Date.parse(execution.createdAt)
  const end = execution.finishedAt ? Date.parse(execution.finishedAt) : now
  return (
    <section
      aria-label="Execution summary"
      className={style({ display: 'flex', flexDirection: 'column', gap: 12, marginBottom: 24 })}
    >
      <div
        className={style({ display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: 16, flexWrap: 'wrap' })}
      >
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 4 })}>
          <h1 className={style({ font: 'heading-xl', margin: 0 })}>{sim.pipelineName}</h1>
          <span className={style({ font: 'body', color: 'neutral-subdued' })}>{typeLine(sim.category, nonProdKind)}</span>
          <div className={style({ display: 'flex', gap: 8, alignItems: 'center' })}>
            <span className={style({ font: 'title' })}>Execution {execution.id}</span>
            <span className={style({ font: 'body-sm', color: 'neutral-subdued' })}>Status:</span>
            <Badge variant={status.tone === 'informative' ? 'informative' : status.tone}>{status.label}</Badge>
            {execution.pipelineExecutionMode === 'EMERGENCY' ? <Badge variant="notice">Emergency</Badge> : null}
          </div>
        </div>
        <div className={style({ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' })}>
          <ExecutionHistory programId={execution.programId} pipelineId={execution.pipelineId} currentId={execution.id} />
          <CancelExecution execution={execution} />
        </div>
      </div>
      <dl className={style({ display: 'flex', gap: 24, flexWrap: 'wrap', margin: 0 })}>
        <Fact label="Trigger">{TRIGGER_WORDS[execution.trigger]}</Fact>
        <Fact label="Mode">{MODE_WORDS[execution.pipelineExecutionMode]}</Fact>
        <Fact label="Started by">{execution.user || 'Automatic'}</Fact>
        <Fact label="Start time">{formatDateTime(execution.createdAt)}</Fact>
        <Fact label="Duration">{end === undefined ? '' : formatDuration(end - started)}</Fact>
        <Fact label="Version">{execution.artifactsVersion}</Fact>
      </dl>
      {execution.status === 'FAILED' || execution.status === 'ERROR' ? (
        <InlineAlert variant="negative">
          <Heading>Execution {status.label.toLowerCase()}</Heading>
          <Content>{sim.failureReason ?? 'The execution did not complete.'}</Content>
        </InlineAlert>
      ) : null}
      {execution.status === 'CANCELLED' && sim.failureReason ? (
        <InlineAlert variant="neutral">
          <Heading>Execution cancelled</Heading>
          <Content>{sim.failureReason}</Content>
        </InlineAlert>
      ) : null}
      {execution.pipelineExecutionMode === 'EMERGENCY' ? (
        <InlineAlert variant="notice">
          <Heading>Emergency Mode</Heading>
          <Content>{emergencyText(sim.skippedActions ?? [])}</Content>
        </InlineAlert>
      ) : null}
      {sim.rollbackRisk ? (
        <InlineAlert variant="notice">
          <Heading>Possible code rollback</Heading>
          <Content>{sim.rollbackRisk.message}</Content>
        </InlineAlert>
      ) : null}
    </section>
  )
}

export function ExecutionPage({ programId, pipelineId, executionId, renderAddProdOnlyPipeline }: ExecutionPageProps) {
  const detailKey = executionQueries.detail(programId, pipelineId, executionId).queryKey
  // Subscribe while the execution may still change; a finished page stops updating.
  const peek = useQuery({ ...executionQueries.detail(programId, pipelineId, executionId), enabled: false })
  // A stage-only page also follows the production run that is taking its build (Promote Build phase).
  const active = peek.data === undefined || isRunning(peek.data) || promotionRunning(peek.data)
  const { live } = useLiveUpdates([detailKey, executionQueries.clock().queryKey], { enabled: active })
  const execution = useQuery(
    executionQueries.detail(programId, pipelineId, executionId, { pollMs: live ? false : FALLBACK_POLL_MS }),
  )
  const pipelines = useQuery(pipelineQueries.list(programId))
  if (execution.isPending) return <LoadingState what="execution" />
  if (execution.isError)
    return <ErrorState what={`execution ${executionId}`} error={execution.error} onRetry={() => void execution.refetch()} />
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId)
  return (
    <>
      <Header execution={execution.data} nonProdKind={pipeline?.['x-sim'].nonProdKind} />
      <Timeline execution={execution.data} renderAddProdOnlyPipeline={renderAddProdOnlyPipeline} />
    </>
  )
}
