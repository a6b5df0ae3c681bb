/**
 * Quality gate metrics: code scanning (spec §D.5, shapes of codequality-metrics.json) and the
 * experience audit's Lighthouse scores (§D.6, experienceaudit-metrics.json).
 */
import type { EngineContext } from './context'
import type { Flavour } from './flavour'
import type { Comparator, Metric, MetricSeverity } from './model'

/** Display names of the AMS security and performance testing KPIs (spec §D.5). */
const AMS_KPI_NAMES: Readonly<Record<string, string>> = {
  deserialization_firewall_attach_api_readiness: 'Deserialization Firewall Attach API Readiness',
  deserialization_firewall_functional: 'Deserialization Firewall Functional',
  deserialization_firewall_loaded: 'Deserialization Firewall Loaded',
  authorizable_node_name_generation: 'Authorizable Node Name Generation',
  default_login_accounts: 'Default Login Accounts',
  sling_get_servlet: 'Sling Get Servlet',
  sling_java_script_handler: 'Sling Java Script Handler',
  sling_jsp_script_handler: 'Sling JSP Script Handler',
  ssl_configuration: 'SSL Configuration',
  user_profile_default_access: 'User Profile Default Access',
  sling_referrer_filter: 'Sling Referrer Filter',
  cq_html_library_manager_config: 'CQ HTML Library Manager Config',
  crxde_support: 'CRXDE Support',
  davex_health_check: 'DavEx Health Check',
  example_content_packages: 'Example Content Packages',
  wcm_filter_configuration: 'WCM Filter Configuration',
  webdav_health_check: 'WebDAV Health Check',
  web_server_configuration: 'Web Server Configuration',
  cq_dispatcher_configuration: 'CQ Dispatcher Configuration',
  replication_and_transport_users: 'Replication and Transport Users',
  error_rate: 'Page Request Error Rate %',
  cpu_utilization_rate: 'CPU Utilization Rate',
  disk_io_wait_time: 'Disk IO Wait Time',
  response_time: '95 Percentile Response Time',
  peak_resp_time: 'Peak Response Time',
  views_per_minute: 'Page Views Per Minute',
  disk_bandwidth_util: 'Disk Bandwidth Utilization',
  network_bandwidth_util: 'Network Bandwidth Utilization',
  requests_per_minute: 'Requests Per Minute',
  assets_uploaded_per_minute: 'Assets Uploaded Per Minute',
  assets_processing_time_95: '95th Percentile Processing Time',
}

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

/** One measured metric, passed or not by its comparator. */
export function metric(
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
  ...AMS_KPI_NAMES,
}

/**
 * Code scanning results for the Cloud Service flavour. Without `failing` every critical and
 * important metric passes (informational ones vary); `important` fails coverage and the
 * maintainability rating, `critical` fails the security rating.
 */
export function codeQualityMetrics(ctx: EngineContext, failing?: 'important' | 'critical', flavour: Flavour = 'cs'): Metric[] {
  const r = ctx.random
  const coverage = failing === 'important' ? (35 + r.int(0, 140) / 10).toFixed(1) : (52 + r.int(0, 380) / 10).toFixed(1)
  return [
    metric(ctx, 'coverage', 'important', coverage, 'GTE', '50'),
    metric(ctx, 'sqale_rating', 'important', failing === 'important' ? 'B' : 'A', 'EQ', 'A'),
    metric(ctx, 'security_rating', 'critical', failing === 'critical' ? 'D' : r.pick(['A', 'A', 'B']), 'GTE', 'B'),
    // Spec §K.4: Cloud Service fails a reliability rating worse than D (critical); AMS worse than C (important).
    flavour === 'ams'
      ? metric(ctx, 'reliability_rating', 'important', r.pick(['A', 'B', 'C']), 'GTE', 'C')
      : metric(ctx, 'reliability_rating', 'critical', r.pick(['A', 'B', 'C']), 'GTE', 'D'),
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
