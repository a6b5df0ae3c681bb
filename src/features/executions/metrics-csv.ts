/**
 * Download Details (spec §D.5): a step's metrics as CSV (`contract/csv`: RFC 4180, CRLF line
 * ends). For security and performance testing (and any gate without an issues file; Code
 * Scanning downloads its issues instead): one row per metric, most severe first.
 */
import { csvText } from '../../contract/csv'
import type { Metric, StepState } from '../../contract/executions'
import { byTier, metricName, metricOutcome, severityTitle } from './metric-labels'

export { csvField } from '../../contract/csv'

export const METRICS_CSV_HEADER = ['Metric', 'KPI', 'Severity', 'Comparator', 'Expected', 'Actual', 'Result'] as const

export function metricsCsv(metrics: readonly Metric[]): string {
  return csvText(
    METRICS_CSV_HEADER,
    byTier(metrics).map((m) => [
      metricName(m.kpi),
      m.kpi,
      severityTitle(m.severity),
      m.comparator,
      m.expectedValue,
      m.actualValue,
      metricOutcome(m),
    ]),
  )
}

/** `execution-812-codeQuality-metrics.csv`; deploy-like steps add their environment type. */
export const metricsCsvFileName = (step: Pick<StepState, 'executionId' | 'action' | 'environmentType'>): string =>
  `execution-${step.executionId}-${step.action}${step.environmentType ? `-${step.environmentType}` : ''}-metrics.csv`
