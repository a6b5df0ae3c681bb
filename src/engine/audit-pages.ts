/**
 * Experience Audit per page (spec §D.6): Lighthouse scores of each audited page on mobile and
 * desktop, and their change against the pipeline's previous audit. Scores are a pure function of
 * the step (its id and summary metrics) and the page path — nothing is stored and no random
 * numbers are drawn, so adding pages changes no other result. The mobile scores spread evenly
 * around the step's summary score, which stays their median unless scores reach 0 or 100.
 */
import type { EngineContext } from './context'
import type { Execution, Metric, Pipeline, StepState } from './model'
import { stableHash as hash } from './stable-hash'

export const AUDIT_PAGE_KPIS = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type AuditPageKpi = (typeof AUDIT_PAGE_KPIS)[number]
export type AuditDevice = 'mobile' | 'desktop'
export type AuditPageScores = Record<AuditPageKpi, number>

export interface AuditPage {
  path: string
  device: AuditDevice
  scores: AuditPageScores
  /** Against the previous audit of the same page and device; `null` when it has none (N/A). */
  change: Record<AuditPageKpi, number | null>
}

/** (sim) Audited when no page is configured: the home page and the most visited pages. */
export const DEFAULT_AUDIT_PATHS: readonly string[] = [
  '/',
  '/content/site/en.html',
  '/content/site/en/products.html',
  '/content/site/en/about-us.html',
  '/content/site/en/contact.html',
  '/content/site/en/news.html',
]

export const auditPaths = (pipeline: Pick<Pipeline, 'stageTesting'>): string[] =>
  pipeline.stageTesting.experienceAuditPaths.length > 0
    ? [...pipeline.stageTesting.experienceAuditPaths]
    : [...DEFAULT_AUDIT_PATHS]

const clamp = (n: number) => Math.max(0, Math.min(100, n))

/** Mobile and desktop scores of every path for one audit step. */
export function pageScores(
  stepId: string,
  metrics: readonly Metric[],
  paths: readonly string[],
): Array<Omit<AuditPage, 'change'>> {
  const mobile = new Map<string, AuditPageScores>(paths.map((p) => [p, { ...ZERO }]))
  const desktop = new Map<string, AuditPageScores>(paths.map((p) => [p, { ...ZERO }]))
  for (const kpi of AUDIT_PAGE_KPIS) {
    const summary = Number(metrics.find((m) => m.kpi === kpi)?.actualValue ?? 80)
    // Each kpi ranks the pages its own way; offsets are symmetric around the middle rank.
    const ranked = [...paths].sort((a, b) => hash(`${stepId}|${kpi}|${a}`) - hash(`${stepId}|${kpi}|${b}`) || a.localeCompare(b))
    const spacing = 2 + (hash(`${stepId}|${kpi}`) % 6)
    ranked.forEach((path, rank) => {
      // Rounded away from zero on both sides, so the offsets stay symmetric for an even count too.
      const offset = (rank - (ranked.length - 1) / 2) * spacing
      const m = clamp(summary + Math.sign(offset) * Math.round(Math.abs(offset)))
      ;(mobile.get(path) as AuditPageScores)[kpi] = m
      // Desktop pages load faster; the other categories barely differ.
      const lift =
        kpi === 'performance' ? 6 + (hash(`${stepId}|desktop|${path}`) % 10) : hash(`${stepId}|desktop|${kpi}|${path}`) % 4
      ;(desktop.get(path) as AuditPageScores)[kpi] = clamp(m + lift)
    })
  }
  return paths.flatMap((path) => [
    { path, device: 'mobile' as const, scores: mobile.get(path) as AuditPageScores },
    { path, device: 'desktop' as const, scores: desktop.get(path) as AuditPageScores },
  ])
}

const ZERO: AuditPageScores = { performance: 0, accessibility: 0, 'best-practices': 0, seo: 0 }

const finishedAudit = (e: Execution): StepState | undefined =>
  e.steps.find((s) => s.action === 'contentAudit' && s.status === 'FINISHED' && s.metrics !== undefined)

/** The pipeline's latest audit that finished before `execution` started. */
export function previousAudit(ctx: EngineContext, pipeline: Pipeline, execution: Execution): StepState | undefined {
  const index = pipeline.executionIds.indexOf(execution.id)
  const earlier = index < 0 ? [] : pipeline.executionIds.slice(0, index)
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = ctx.findExecution(earlier[i] as string)
    const step = e && finishedAudit(e)
    if (step) return step
  }
  return undefined
}

/** Every audited page of a finished audit step, with its change against the previous audit. */
export function auditPages(ctx: EngineContext, pipeline: Pipeline, execution: Execution, step: StepState): AuditPage[] {
  if (step.action !== 'contentAudit' || !step.metrics) return []
  const paths = auditPaths(pipeline)
  const before = previousAudit(ctx, pipeline, execution)
  const previous = before?.metrics ? pageScores(before.id, before.metrics, paths) : []
  return pageScores(step.id, step.metrics, paths).map((page) => {
    const old = previous.find((p) => p.path === page.path && p.device === page.device)
    const change = Object.fromEntries(
      AUDIT_PAGE_KPIS.map((k) => [k, old ? page.scores[k] - old.scores[k] : null]),
    ) as AuditPage['change']
    return { ...page, change }
  })
}

/** The `count` pages with the lowest performance score on `device` (ties: lowest other scores, then path). */
export function slowestPages(pages: readonly AuditPage[], device: AuditDevice, count = 5): AuditPage[] {
  const total = (p: AuditPage) => AUDIT_PAGE_KPIS.reduce((sum, k) => sum + p.scores[k], 0)
  return pages
    .filter((p) => p.device === device)
    .sort((a, b) => a.scores.performance - b.scores.performance || total(a) - total(b) || a.path.localeCompare(b.path))
    .slice(0, count)
}
