/**
 * Words for quality-gate metrics (spec §D.5), shared by the step's metric table, the Review
 * Summary dialog and the Download Details CSV, so the three always say the same thing.
 */
import type { Metric } from '../../contract/executions'
import { COMPARATOR_WORDS, KPI_NAMES } from './execution-labels'

/** The three tiers, most severe first, with the product's names. */
export const SEVERITY_TIERS: ReadonlyArray<{ key: Metric['severity']; title: string }> = [
  { key: 'critical', title: 'Critical' },
  { key: 'important', title: 'Important' },
  { key: 'informational', title: 'Info' },
]

export const severityTitle = (severity: Metric['severity']): string =>
  SEVERITY_TIERS.find((t) => t.key === severity)?.title ?? severity

/**
 * A metric's display name: the product's name when known, else the kpi in words
 * (`sling_get_servlet` → "Sling Get Servlet"), so a gate with new kpis still reads well.
 */
export function metricName(kpi: string): string {
  const known = KPI_NAMES[kpi]
  if (known) return known
  return kpi
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ')
}

/** "≥ 50", "= A". */
export const expectedText = (m: Metric): string => `${COMPARATOR_WORDS[m.comparator] ?? m.comparator} ${m.expectedValue}`

export type MetricOutcome = 'Passed' | 'Failed' | 'Overridden'

export function metricOutcome(m: Metric): MetricOutcome {
  if (m.passed) return 'Passed'
  return m.override ? 'Overridden' : 'Failed'
}

/** Most severe tier first; within a tier failures first, then the server's order. */
export function byTier(metrics: readonly Metric[]): Metric[] {
  const rank = (m: Metric) => SEVERITY_TIERS.findIndex((t) => t.key === m.severity)
  const outcome = (m: Metric) => (metricOutcome(m) === 'Failed' ? 0 : metricOutcome(m) === 'Overridden' ? 1 : 2)
  return metrics
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || outcome(a.m) - outcome(b.m) || a.i - b.i)
    .map(({ m }) => m)
}

/** A score's change (spec §D.6): "+3 (improved)", "−4 (regressed)", "No Change", or "N/A" without a previous score. */
export function formatScoreChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return 'N/A'
  if (change === 0) return 'No Change'
  return `${change > 0 ? '+' : '−'}${Math.abs(change)} (${change > 0 ? 'improved' : 'regressed'})`
}
