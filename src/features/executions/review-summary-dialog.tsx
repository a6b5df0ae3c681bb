/**
 * Review Summary (spec §D.2, §D.5): a dialog listing a quality gate's metrics — metric,
 * severity tier, expected, actual, result — most severe first, with Download Details. Takes any
 * step's metrics: code scanning, security testing, performance testing.
 */
import { Button, ButtonGroup, Content, Dialog, DialogTrigger, Heading, StatusLight, Text } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Metric, StepState } from '../../contract/executions'
import { DownloadDetailsButton } from './download-details'
import { byTier, expectedText, metricName, metricOutcome, type MetricOutcome, severityTitle } from './metric-labels'

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm', verticalAlign: 'top' })
const head = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'detail-sm', textTransform: 'uppercase' })

const OUTCOME_TONE: Record<MetricOutcome, 'positive' | 'negative' | 'notice'> = {
  Passed: 'positive',
  Failed: 'negative',
  Overridden: 'notice',
}

export interface MetricSummaryTableProps {
  metrics: readonly Metric[]
  /** The table's accessible name, e.g. "Code Scanning metrics". */
  label: string
}

/** One table of every metric: Metric | Severity | Expected | Actual | Result (colour always with a word). */
export function MetricSummaryTable({ metrics, label }: MetricSummaryTableProps) {
  return (
    <table aria-label={label} className={style({ borderCollapse: 'collapse', width: 'full' })}>
      <thead>
        <tr>
          <th scope="col" className={head}>
            Metric
          </th>
          <th scope="col" className={head}>
            Severity
          </th>
          <th scope="col" className={head}>
            Expected
          </th>
          <th scope="col" className={head}>
            Actual
          </th>
          <th scope="col" className={head}>
            Result
          </th>
        </tr>
      </thead>
      <tbody>
        {byTier(metrics).map((m) => {
          const outcome = metricOutcome(m)
          return (
            <tr key={m.id}>
              <th scope="row" className={cell}>
                {metricName(m.kpi)}
              </th>
              <td className={cell}>{severityTitle(m.severity)}</td>
              <td className={cell}>{expectedText(m)}</td>
              <td className={cell}>{m.actualValue}</td>
              <td className={cell}>
                <StatusLight size="S" variant={OUTCOME_TONE[outcome]}>
                  {outcome}
                </StatusLight>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** "2 failed (1 critical), 1 overridden, 9 passed". */
export function metricsTally(metrics: readonly Metric[]): string {
  const failed = metrics.filter((m) => metricOutcome(m) === 'Failed')
  const critical = failed.filter((m) => m.severity === 'critical').length
  const overridden = metrics.filter((m) => metricOutcome(m) === 'Overridden').length
  const passed = metrics.length - failed.length - overridden
  const parts = [
    failed.length > 0 ? `${failed.length} failed${critical > 0 ? ` (${critical} critical)` : ''}` : '',
    overridden > 0 ? `${overridden} overridden` : '',
    `${passed} passed`,
  ]
  return parts.filter(Boolean).join(', ')
}

export interface ReviewSummaryDialogProps {
  step: Pick<StepState, 'executionId' | 'action' | 'environmentType'> & { 'x-sim': { label: string } }
  metrics: readonly Metric[]
}

/** The Review Summary button and its dialog (with Download Details and Close). */
export function ReviewSummaryDialog({ step, metrics }: ReviewSummaryDialogProps) {
  const label = step['x-sim'].label
  return (
    <DialogTrigger>
      <Button variant="secondary" isDisabled={metrics.length === 0}>
        Review Summary
      </Button>
      <Dialog size="L">
        {({ close }) => (
          <>
            <Heading slot="title">{label}: Review Summary</Heading>
            <Content>
              <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
                <Text>
                  Execution {step.executionId} · {metricsTally(metrics)}. Critical failures stop the execution; important failures
                  wait for an override or a rejection; info metrics never block.
                </Text>
                {/* A long table scrolls in its own region, which keyboard users can focus and scroll. */}
                <div
                  role="region"
                  aria-label={`${label} metrics, scrollable`}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
                  tabIndex={0}
                  style={{ maxHeight: '45vh', overflow: 'auto' }}
                >
                  <MetricSummaryTable metrics={metrics} label={`${label} metrics`} />
                </div>
              </div>
            </Content>
            <ButtonGroup>
              <DownloadDetailsButton step={step} metrics={metrics} />
              <Button variant="accent" onPress={close}>
                Close
              </Button>
            </ButtonGroup>
          </>
        )}
      </Dialog>
    </DialogTrigger>
  )
}

/** Review Summary and Download Details side by side, as a quality gate's step shows them. */
export function MetricGateActions({ step, metrics }: ReviewSummaryDialogProps) {
  return (
    <div className={style({ display: 'flex', gap: 8, flexWrap: 'wrap' })}>
      <ReviewSummaryDialog step={step} metrics={metrics} />
      <DownloadDetailsButton step={step} metrics={metrics} />
    </div>
  )
}
