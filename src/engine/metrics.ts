/**
 * Quality gate metrics: code scanning (spec §D.5, shapes of codequality-metrics.json) and the
 * experience audit's Lighthouse scores (§D.6, experienceaudit-metrics.json).
 */
import type { EngineContext } from './context'
import type { Comparator, Metric, MetricSeverity } from './model'

const RATINGS = 'ABCDE'

/** Ratings compare inverted (A is best): "GTE B" passes for A and B. */
function score(value: string): number {
  if (value.length === 1 && RATINGS.includes(value)) return RATINGS.length - RATINGS.indexOf(value)
  return Number(value)
}

export function compare(actual: string, comparator: Comparator, expected: string): boolean {
  const a = score(actual)
  const e = score(expected)
  switch (comparator) {
    case 'GT':
      return a > e
    case 'GTE':
      return a >= e
    case 'LT':
      return a < e
    case 'LTE':
      return a <= e
    case 'EQ':
      return a === e
    case 'NEQ':
      return a !== e
  }
}

function metric(
  ctx: EngineContext,
  kpi: string,
  severity: MetricSeverity,
  actualValue: string,
  comparator: Comparator,
  expectedValue: string,
): Metric {
  return {
    id: ctx.newId(),
    kpi,
    severity,
    passed: compare(actualValue, comparator, expectedValue),
    override: false,
    actualValue,
    expectedValue,
    comparator,
  }
}

export const KPI_NAMES: Readonly<Record<string, string>> = {
  security_rating: 'Security Rating',
  reliability_rating: 'Reliability Rating',
  sqale_rating: 'Maintainability Rating',
  coverage: 'Coverage',
  skipped_tests: 'Skipped Unit Tests',
  open_issues: 'Open Issues',
  duplicated_lines_density: 'Duplicated Lines',
  cloud_service_compatibility: 'Cloud Service Compatibility',
  performance: 'Performance',
  accessibility: 'Accessibility',
  'best-practices': 'Best Practices',
  seo: 'SEO',
  pwa: 'PWA',
}

/**
 * Code scanning results for the Cloud Service flavour. Without `failing` every critical and
 * important metric passes (informational ones vary); `important` fails coverage and the
 * maintainability rating, `critical` fails the security rating.
 */
export function codeQualityMetrics(ctx: EngineContext, failing?: 'important' | 'critical'): Metric[] {
  const r = ctx.random
  const coverage = failing === 'important' ? (35 + r.int(0, 140) / 10).toFixed(1) : (52 + r.int(0, 380) / 10).toFixed(1)
  return [
    metric(ctx, 'coverage', 'important', coverage, 'GTE', '50'),
    metric(ctx, 'sqale_rating', 'important', failing === 'important' ? 'B' : 'A', 'EQ', 'A'),
    metric(ctx, 'security_rating', 'critical', failing === 'critical' ? 'D' : r.pick(['A', 'A', 'B']), 'GTE', 'B'),
    metric(ctx, 'reliability_rating', 'critical', r.pick(['A', 'B', 'C']), 'GTE', 'D'),
    metric(ctx, 'skipped_tests', 'informational', String(r.int(0, 2)), 'LTE', '1'),
    metric(ctx, 'open_issues', 'informational', String(r.int(0, 40)), 'LT', '1'),
    metric(ctx, 'duplicated_lines_density', 'informational', (r.int(0, 25) / 10).toFixed(1), 'LTE', '1'),
    metric(ctx, 'cloud_service_compatibility', 'informational', String(r.int(0, 3)), 'EQ', '0'),
  ]
}

/** Experience audit scores: informational, never blocking. */
export function contentAuditMetrics(ctx: EngineContext): Metric[] {
  const r = ctx.random
  return ['performance', 'seo', 'pwa', 'accessibility', 'best-practices'].map((kpi) =>
    metric(ctx, kpi, 'informational', String(r.int(kpi === 'pwa' ? 45 : 65, 100)), 'GTE', '80'),
  )
}

/** Important metrics that failed and were not overridden: what an override must list. */
export function failingImportant(metrics: readonly Metric[] | undefined): Metric[] {
  return (metrics ?? []).filter((m) => m.severity === 'important' && !m.passed && !m.override)
}

export function failingCritical(metrics: readonly Metric[] | undefined): Metric[] {
  return (metrics ?? []).filter((m) => m.severity === 'critical' && !m.passed)
}

/** "Coverage is 41.3 (expected GTE 50)". */
export function describeMetric(m: Metric): string {
  return `${KPI_NAMES[m.kpi] ?? m.kpi} is ${m.actualValue} (expected ${m.comparator} ${m.expectedValue})`
}
