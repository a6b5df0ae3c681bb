/**
 * Download Details (spec §D.5): a step's metrics as CSV (RFC 4180: comma separated, CRLF line
 * ends, fields with commas, quotes or line breaks quoted, quotes doubled). Works for any gate
 * (code scanning, security, performance, experience audit): one row per metric, most severe first.
 */
import type { Metric, StepState } from '../../contract/executions'
import { byTier, metricName, metricOutcome, severityTitle } from './metric-labels'

export const METRICS_CSV_HEADER = ['Metric', 'KPI', 'Severity', 'Comparator', 'Expected', 'Actual', 'Result'] as const

const NUMBER = /^-?\d+(\.\d+)?%?$/

/**
 * One field. Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe; plain numbers such as "-3" stay numbers.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function metricsCsv(metrics: readonly Metric[]): string {
  const rows = [
    METRICS_CSV_HEADER.join(','),
    ...byTier(metrics).map((m) =>
      [metricName(m.kpi), m.kpi, severityTitle(m.severity), m.comparator, m.expectedValue, m.actualValue, metricOutcome(m)]
        .map(csvField)
        .join(','),
    ),
  ]
  return `${rows.join('\r\n')}\r\n`
}

/** `execution-812-codeQuality-metrics.csv`; deploy-like steps add their environment type. */
export const metricsCsvFileName = (step: Pick<StepState, 'executionId' | 'action' | 'environmentType'>): string =>
  `execution-${step.executionId}-${step.action}${step.environmentType ? `-${step.environmentType}` : ''}-metrics.csv`
