/**
 * Code scanning issues (spec §D.1, §D.5): the rows of Download Details, derived from the step.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addFault } from './faults'
import { DM, freshFixture, settle, step } from './executions/fixtures'
import { startExecution } from './executions/start'
import type { Metric } from './model'
import { deriveScanIssues, type ScanIssue, scanIssues } from './scan-issues'

const m = (kpi: string, actualValue: string): Metric => ({
  id: kpi,
  kpi,
  severity: 'informational',
  passed: true,
  override: false,
  actualValue,
  expectedValue: '0',
  comparator: 'GTE',
})

const metrics = (o: { security?: string; reliability?: string; sqale?: string; open?: number; compat?: number }) => [
  m('security_rating', o.security ?? 'A'),
  m('reliability_rating', o.reliability ?? 'A'),
  m('sqale_rating', o.sqale ?? 'A'),
  m('open_issues', String(o.open ?? 0)),
  m('cloud_service_compatibility', String(o.compat ?? 0)),
]

const SEVERITIES = ['BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO']
const worst = (issues: ScanIssue[], type: ScanIssue['type']) =>
  issues.filter((i) => i.type === type).sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))[0]
    ?.severity

describe('code scanning issues', () => {
  it('number Open Issues when every rating is A: code smells only', () => {
    const issues = deriveScanIssues('7', metrics({ open: 12 }), 'ams-repo')
    expect(issues).toHaveLength(12)
    expect(new Set(issues.map((i) => i.type))).toEqual(new Set(['CODE_SMELL']))
    expect(deriveScanIssues('7', metrics({}), 'ams-repo')).toEqual([])
  })

  it('a security rating worse than A has vulnerabilities, the worst of its severity; reliability likewise has bugs', () => {
    const issues = deriveScanIssues('8', metrics({ security: 'D', reliability: 'C', open: 5 }), 'repo')
    expect(worst(issues, 'VULNERABILITY')).toBe('CRITICAL')
    expect(worst(issues, 'BUG')).toBe('MAJOR')
    expect(issues[0]).toMatchObject({ type: 'VULNERABILITY', severity: 'CRITICAL' })
  })

  it('a maintainability rating worse than A has major code smells, and compatibility counts its own findings', () => {
    const issues = deriveScanIssues('9', metrics({ sqale: 'B', compat: 2, open: 0 }), 'repo')
    expect(issues.filter((i) => i.type === 'CODE_SMELL' && i.severity === 'MAJOR')).toHaveLength(5)
  })

  it('name each file by its Maven path (groupId:artifactId:path) and by its path in the project', () => {
    for (const issue of deriveScanIssues('10', metrics({ security: 'E', open: 8 }), 'AMS Repo')) {
      expect(issue.fileLocation).toMatch(/^com\.example:ams-repo\.core:src\/main\/java\/com\/example\/core\/.+\.java$/)
      expect(issue.projectFileLocation).toBe(`core/${issue.fileLocation.split(':')[2]}`)
      expect(issue.line).toBeGreaterThanOrEqual(12)
      expect(issue.rule).not.toBe('')
      expect(issue.message).not.toBe('')
    }
  })

  it('are the same every time for one step and differ from step to step', () => {
    const input = metrics({ security: 'C', reliability: 'B', open: 20 })
    expect(deriveScanIssues('11', input, 'repo')).toEqual(deriveScanIssues('11', input, 'repo'))
    expect(deriveScanIssues('11', input, 'repo')).not.toEqual(deriveScanIssues('12', input, 'repo'))
  })

  it('for any ratings and counts: the total is Open Issues or what the ratings need, each rating sets its worst severity, most severe first', () => {
    const rating = fc.constantFrom('A', 'B', 'C', 'D', 'E')
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        rating,
        rating,
        rating,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (id, security, reliability, sqale, open, compat) => {
          const issues = deriveScanIssues(String(id), metrics({ security, reliability, sqale, open, compat }), 'repo')
          const bySeverity: Record<string, string | undefined> = {
            A: undefined,
            B: 'MINOR',
            C: 'MAJOR',
            D: 'CRITICAL',
            E: 'BLOCKER',
          }
          expect(worst(issues, 'VULNERABILITY')).toBe(bySeverity[security])
          expect(worst(issues, 'BUG')).toBe(bySeverity[reliability])
          const needed = issues.filter((i) => i.type !== 'CODE_SMELL').length + (sqale === 'A' ? 0 : 3) + compat
          expect(issues.length).toBe(Math.max(open, needed))
          const order = issues.map((i) => SEVERITIES.indexOf(i.severity))
          expect(order).toEqual([...order].sort((a, b) => a - b))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('of a real run: a critical code scanning fault (security rating D) reports a critical vulnerability in the pipeline repository', () => {
    const f = freshFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'codeQuality', status: 'FAILED', metric: 'critical' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, e)
    const scan = step(e, 'codeQuality')
    const issues = scanIssues(f.engine.ctx, e, scan)
    expect(issues[0]).toMatchObject({ type: 'VULNERABILITY', severity: 'CRITICAL' })
    expect(issues[0]?.fileLocation).toMatch(/^com\.example:fresh-repo\.core:/)
    expect(scanIssues(f.engine.ctx, e, step(e, 'build'))).toEqual([])
  })
})
