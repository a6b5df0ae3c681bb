import { describe, expect, it } from 'vitest'
import { AUDIT_PAGE_KPIS, auditPages, auditPaths, DEFAULT_AUDIT_PATHS, pageScores, slowestPages } from './audit-pages'
import { startExecution } from './executions'
import { DM, freshFixture, settle, step } from './executions/fixtures'
import type { Metric } from './model'

const PATHS = ['/a.html', '/b.html', '/c.html', '/d.html', '/e.html', '/f.html', '/g.html']

const summary = (values: Record<string, number>): Metric[] =>
  Object.entries(values).map(([kpi, v]) => ({
    id: kpi,
    kpi,
    severity: 'informational',
    passed: v >= 80,
    override: false,
    actualValue: String(v),
    expectedValue: '80',
    comparator: 'GTE',
  }))

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length / 2
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(mid)] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** A stage-only pipeline auditing `paths`, run `runs` times to the end. */
function audited(paths: string[], runs: number) {
  const f = freshFixture()
  const pipeline = f.stageOnly({
    stageTesting: {
      productFunctional: true,
      customFunctional: true,
      customUi: false,
      experienceAudit: true,
      experienceAuditPaths: paths,
    },
  })
  const executions = Array.from({ length: runs }, () => {
    const e = f.engine.mutate(() => startExecution(f.engine.ctx, DM, f.programId, pipeline.id))
    f.engine.mutate(() => settle(f.engine, e))
    return e
  })
  return { f, pipeline, executions }
}

describe('Experience Audit page scores', () => {
  it('the summary score is the median of the pages on mobile, for every category and an odd or even number of pages', () => {
    const metrics = summary({ performance: 71, accessibility: 93, 'best-practices': 60, seo: 84 })
    for (const paths of [PATHS, PATHS.slice(0, 6), PATHS.slice(0, 2), PATHS.slice(0, 1)]) {
      for (const step of ['s1', 's2', 's3']) {
        const mobile = pageScores(step, metrics, paths).filter((p) => p.device === 'mobile')
        expect(mobile.map((p) => p.path)).toEqual(paths)
        for (const kpi of AUDIT_PAGE_KPIS) {
          expect(median(mobile.map((p) => p.scores[kpi]))).toBe(Number(metrics.find((m) => m.kpi === kpi)!.actualValue))
        }
      }
    }
  })

  it('scores are whole numbers from 0 to 100, and desktop performance beats mobile on every page', () => {
    const all = pageScores('s2', summary({ performance: 98, accessibility: 4, 'best-practices': 100, seo: 50 }), PATHS)
    for (const p of all)
      for (const k of AUDIT_PAGE_KPIS) expect(Number.isInteger(p.scores[k]) && p.scores[k] >= 0 && p.scores[k] <= 100).toBe(true)
    for (const path of PATHS) {
      const [m, d] = all.filter((p) => p.path === path)
      expect(d!.scores.performance).toBeGreaterThanOrEqual(m!.scores.performance)
    }
  })

  it('the same step always scores its pages the same; another step scores them differently', () => {
    const metrics = summary({ performance: 80, accessibility: 80, 'best-practices': 80, seo: 80 })
    expect(pageScores('s3', metrics, PATHS)).toEqual(pageScores('s3', metrics, PATHS))
    expect(pageScores('s3', metrics, PATHS)).not.toEqual(pageScores('s4', metrics, PATHS))
  })

  it('a pipeline without configured pages audits the home page and the most visited pages', () => {
    const { f, pipeline } = audited([], 0)
    expect(auditPaths(f.engine.ctx.findPipeline(pipeline.id)!)).toEqual(DEFAULT_AUDIT_PATHS)
    expect(auditPaths({ stageTesting: { ...pipeline.stageTesting, experienceAuditPaths: ['/x.html'] } })).toEqual(['/x.html'])
  })

  it('the first audit has no change (N/A); the next one reports the difference for each page and device', () => {
    const { f, pipeline, executions } = audited(PATHS, 2)
    const [first, second] = executions.map((e) => auditPages(f.engine.ctx, pipeline, e, step(e, 'contentAudit')))
    expect(first).toHaveLength(PATHS.length * 2)
    expect(first!.every((p) => AUDIT_PAGE_KPIS.every((k) => p.change[k] === null))).toBe(true)
    for (const page of second!) {
      const before = first!.find((p) => p.path === page.path && p.device === page.device)!
      for (const k of AUDIT_PAGE_KPIS) expect(page.change[k]).toBe(page.scores[k] - before.scores[k])
    }
  })

  it('an unfinished audit has no pages', () => {
    const { f, pipeline } = audited(PATHS, 0)
    const e = f.engine.mutate(() => startExecution(f.engine.ctx, DM, f.programId, pipeline.id))
    expect(auditPages(f.engine.ctx, pipeline, e, step(e, 'contentAudit'))).toEqual([])
  })

  it('the slowest pages are the five lowest performance scores of the device, lowest first', () => {
    const { f, pipeline, executions } = audited(PATHS, 1)
    const e = executions[0]!
    const pages = auditPages(f.engine.ctx, pipeline, e, step(e, 'contentAudit'))
    for (const device of ['mobile', 'desktop'] as const) {
      const slowest = slowestPages(pages, device)
      expect(slowest).toHaveLength(5)
      expect(slowest.every((p) => p.device === device)).toBe(true)
      const perf = slowest.map((p) => p.scores.performance)
      expect(perf).toEqual([...perf].sort((a, b) => a - b))
      const rest = pages.filter((p) => p.device === device && !slowest.includes(p))
      expect(rest.every((p) => p.scores.performance >= perf[4]!)).toBe(true)
    }
    expect(slowestPages(pages.slice(0, 4), 'mobile')).toHaveLength(2)
  })
})
