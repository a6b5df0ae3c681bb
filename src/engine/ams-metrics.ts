/**
 * AMS quality gate metrics (spec §D.5): security testing (pass/fail checks in three tiers) and
 * performance testing (thresholds, two of them against the program's KPIs), and the AMS code
 * scanning difference (reliability rating is important and fails worse than C, spec §K.4).
 */
import type { EngineContext } from './context'
import { metric } from './metrics'
import type { Metric, MetricSeverity, ProgramKpis, Solution } from './model'

export type FailingTier = 'important' | 'critical'

const SECURITY_CHECKS: ReadonlyArray<readonly [string, MetricSeverity]> = [
  ['deserialization_firewall_attach_api_readiness', 'critical'],
  ['deserialization_firewall_functional', 'critical'],
  ['deserialization_firewall_loaded', 'critical'],
  ['authorizable_node_name_generation', 'critical'],
  ['default_login_accounts', 'critical'],
  ['sling_get_servlet', 'critical'],
  ['sling_java_script_handler', 'critical'],
  ['sling_jsp_script_handler', 'critical'],
  ['ssl_configuration', 'critical'],
  ['user_profile_default_access', 'critical'],
  ['sling_referrer_filter', 'important'],
  ['cq_html_library_manager_config', 'important'],
  ['crxde_support', 'important'],
  ['davex_health_check', 'important'],
  ['example_content_packages', 'important'],
  ['wcm_filter_configuration', 'important'],
  ['webdav_health_check', 'important'],
  ['web_server_configuration', 'important'],
  ['cq_dispatcher_configuration', 'important'],
  ['replication_and_transport_users', 'informational'],
]

export const DEFAULT_PROGRAM_KPIS: ProgramKpis = { responseTimeMs95: 1000, pageViewsPerMinute: 200 }

/**
 * Security checks are pass/fail ("true" expected). Without `failing` every critical and
 * important check passes; `important` fails two important checks, `critical` one critical check.
 */
export function securityTestMetrics(ctx: EngineContext, failing?: FailingTier): Metric[] {
  const r = ctx.random
  const failImportant = failing === 'important' ? new Set(['crxde_support', 'webdav_health_check']) : new Set<string>()
  const failCritical = failing === 'critical' ? new Set(['default_login_accounts']) : new Set<string>()
  return SECURITY_CHECKS.map(([kpi, severity]) => {
    const pass = severity === 'informational' ? r.int(0, 3) > 0 : !failImportant.has(kpi) && !failCritical.has(kpi)
    return metric(ctx, kpi, severity, pass ? '1' : '0', 'EQ', '1')
  })
}

const decimal = (n: number) => n.toFixed(1)

/**
 * Sites performance metrics of a 30-minute test (spec §D.5 table); `response_time` and
 * `views_per_minute` compare against the program's KPIs. `important` fails the 95th percentile
 * response time and page views per minute; `critical` fails the error rate.
 */
export function performanceMetrics(ctx: EngineContext, kpis: ProgramKpis, failing?: FailingTier): Metric[] {
  const r = ctx.random
  const responseMs = failing === 'important' ? kpis.responseTimeMs95 + r.int(150, 900) : r.int(300, kpis.responseTimeMs95 - 50)
  const views =
    failing === 'important'
      ? r.int(Math.floor(kpis.pageViewsPerMinute / 3), kpis.pageViewsPerMinute - 1)
      : kpis.pageViewsPerMinute + r.int(10, 400)
  return [
    metric(
      ctx,
      'error_rate',
      'critical',
      failing === 'critical' ? decimal(2 + r.int(5, 60) / 10) : decimal(r.int(0, 15) / 10),
      'LT',
      '2',
    ),
    metric(ctx, 'cpu_utilization_rate', 'critical', decimal(r.int(200, 700) / 10), 'LT', '80'),
    metric(ctx, 'disk_io_wait_time', 'critical', decimal(r.int(5, 300) / 10), 'LT', '50'),
    metric(ctx, 'response_time', 'important', String(responseMs), 'LT', String(kpis.responseTimeMs95)),
    metric(ctx, 'peak_resp_time', 'important', String(r.int(2_000, 12_000)), 'LT', '18000'),
    metric(ctx, 'views_per_minute', 'important', String(views), 'GTE', String(kpis.pageViewsPerMinute)),
    metric(ctx, 'disk_bandwidth_util', 'important', decimal(r.int(100, 700) / 10), 'LT', '90'),
    metric(ctx, 'network_bandwidth_util', 'important', decimal(r.int(100, 700) / 10), 'LT', '90'),
    metric(ctx, 'requests_per_minute', 'informational', String(r.int(2_000, 7_000)), 'LT', '6000'),
  ]
}

/**
 * The final performance report: the whole test re-evaluated across every monitored instance
 * (the Sites table when Sites is licensed), plus the Assets KPIs when Assets is (spec §C.3:
 * 5 assets uploaded per minute, 95th percentile processing time of 10 seconds).
 */
export function performanceReportMetrics(
  ctx: EngineContext,
  kpis: ProgramKpis,
  solutions: readonly Solution[],
  failing?: FailingTier,
): Metric[] {
  const r = ctx.random
  const out = solutions.includes('sites') ? performanceMetrics(ctx, kpis, failing) : []
  if (solutions.includes('assets')) {
    const slow = failing === 'important' && !solutions.includes('sites')
    out.push(metric(ctx, 'assets_uploaded_per_minute', 'important', String(r.int(5, 9)), 'GTE', '5'))
    out.push(
      metric(
        ctx,
        'assets_processing_time_95',
        'important',
        slow ? decimal(r.int(110, 200) / 10) : decimal(r.int(30, 95) / 10),
        'LTE',
        '10',
      ),
    )
    if (failing === 'critical' && !solutions.includes('sites')) out.push(metric(ctx, 'error_rate', 'critical', '4.2', 'LT', '2'))
  }
  return out
}
