/**
 * Code scanning issues (spec §D.1 `codeQuality`, §D.5 "Download Details = CSV of issues"): the
 * rows behind a Code Scanning step's ratings and counts. They are a pure function of the step
 * (its id and metrics) and the repository's name — nothing is stored and no random numbers are
 * drawn — and agree with the metrics:
 * - a security rating worse than A has vulnerabilities, the worst of the rating's severity
 *   (B minor, C major, D critical, E blocker); a reliability rating likewise has bugs;
 * - a maintainability rating worse than A has major code smells;
 * - Cloud Service compatibility counts its own findings;
 * - Open Issues is the total (code smells make up the rest).
 */
import type { EngineContext } from './context'
import type { Execution, Metric, StepState } from './model'
import { stableHash } from './stable-hash'

export type ScanIssueSeverity = 'BLOCKER' | 'CRITICAL' | 'MAJOR' | 'MINOR' | 'INFO'
export type ScanIssueType = 'BUG' | 'VULNERABILITY' | 'CODE_SMELL'

export interface ScanIssue {
  rule: string
  severity: ScanIssueSeverity
  type: ScanIssueType
  /** The Maven path: `groupId:artifactId:path-in-module`. */
  fileLocation: string
  /** The path from the repository's root. */
  projectFileLocation: string
  line: number
  message: string
}

interface Rule {
  rule: string
  message: string
}

const VULNERABILITY_RULES: readonly Rule[] = [
  { rule: 'java:S2068', message: 'Credentials should not be hard-coded: "password" detected here.' },
  { rule: 'java:S3649', message: 'Make sure using a dynamically formatted SQL query is safe here.' },
  { rule: 'CQRules:CWE-676', message: 'Thread.stop() is inherently unsafe; interrupt the thread instead.' },
]
const BUG_RULES: readonly Rule[] = [
  { rule: 'java:S2095', message: 'Use try-with-resources or close this "ResourceResolver" in a "finally" clause.' },
  { rule: 'CQRules:ConnectionTimeoutMechanism', message: 'Set a connection timeout and a socket timeout on this HTTP client.' },
  { rule: 'java:S2259', message: 'A "NullPointerException" could be thrown; "resource" is nullable here.' },
]
const CODE_SMELL_RULES: readonly Rule[] = [
  { rule: 'CQRules:CQBP-71', message: 'Avoid hardcoded /apps and /libs paths.' },
  { rule: 'CQRules:CQBP-44---CatchAndEitherLogOrThrow', message: 'Either log or rethrow this exception, not both.' },
  { rule: 'java:S1192', message: 'Define a constant instead of duplicating this literal "jcr:content" 3 times.' },
  { rule: 'java:S106', message: 'Replace this use of System.out by a logger.' },
  { rule: 'java:S1135', message: 'Complete the task associated to this "TODO" comment.' },
]
const COMPATIBILITY_RULES: readonly Rule[] = [
  { rule: 'CQRules:AMSCORE-553', message: 'Avoid the Sling Commons JSON library, which is deprecated.' },
  { rule: 'CQRules:CQBP-84', message: 'Avoid using the deprecated AEM API com.day.cq.wcm.api.WCMMode#fromRequest.' },
  { rule: 'ImmutableMutableMixCheck', message: 'Mixing mutable and immutable content in one package is not supported.' },
]

/** Java sources of the project's `core` module, under `src/main/java/com/example/core/`. */
const SOURCES: readonly string[] = [
  'servlets/SearchServlet.java',
  'models/HeroModel.java',
  'services/impl/FeedImporterImpl.java',
  'filters/LoggingFilter.java',
  'schedulers/CacheWarmer.java',
  'listeners/PageChangeListener.java',
]

const RATING_SEVERITY: Readonly<Record<string, ScanIssueSeverity>> = { B: 'MINOR', C: 'MAJOR', D: 'CRITICAL', E: 'BLOCKER' }
const SEVERITY_ORDER: readonly ScanIssueSeverity[] = ['BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO']
const LESSER: Readonly<Record<ScanIssueSeverity, ScanIssueSeverity>> = {
  BLOCKER: 'CRITICAL',
  CRITICAL: 'MAJOR',
  MAJOR: 'MINOR',
  MINOR: 'MINOR',
  INFO: 'INFO',
}

const actual = (metrics: readonly Metric[], kpi: string): string | undefined => metrics.find((m) => m.kpi === kpi)?.actualValue
const count = (metrics: readonly Metric[], kpi: string): number => Math.max(0, Math.floor(Number(actual(metrics, kpi) ?? 0)) || 0)

/** A Maven artifact id from a repository name: `ams-repo` → `ams-repo.core`. */
const moduleOf = (repository: string) => `${repository.toLowerCase().replace(/[^a-z0-9.-]+/g, '-') || 'project'}.core`

/** The issues of one Code Scanning step with `metrics`, in a repository named `repository`. */
export function deriveScanIssues(stepId: string, metrics: readonly Metric[], repository: string): ScanIssue[] {
  const h = (salt: string) => stableHash(`${stepId}|${salt}`)
  const artifact = moduleOf(repository)
  const out: ScanIssue[] = []
  const add = (kind: string, type: ScanIssueType, severity: ScanIssueSeverity, rules: readonly Rule[]) => {
    const n = out.length
    const rule = rules[h(`${kind}|${n}|rule`) % rules.length] as Rule
    const source = SOURCES[h(`${kind}|${n}|file`) % SOURCES.length] as string
    const path = `src/main/java/com/example/core/${source}`
    out.push({
      rule: rule.rule,
      severity,
      type,
      fileLocation: `com.example:${artifact}:${path}`,
      projectFileLocation: `core/${path}`,
      line: 12 + (h(`${kind}|${n}|line`) % 280),
      message: rule.message,
    })
  }
  // Each rating worse than A: its worst finding has the rating's severity, a second one (sometimes) less.
  const rated = (kpi: string, type: ScanIssueType, rules: readonly Rule[]) => {
    const severity = RATING_SEVERITY[actual(metrics, kpi) ?? 'A']
    if (!severity) return
    add(kpi, type, severity, rules)
    if (h(`${kpi}|second`) % 2 === 1) add(kpi, type, LESSER[severity], rules)
  }
  rated('security_rating', 'VULNERABILITY', VULNERABILITY_RULES)
  rated('reliability_rating', 'BUG', BUG_RULES)
  const sqale = actual(metrics, 'sqale_rating')
  if (sqale !== undefined && sqale !== 'A') for (let i = 0; i < 3; i++) add('sqale', 'CODE_SMELL', 'MAJOR', CODE_SMELL_RULES)
  for (let i = 0; i < count(metrics, 'cloud_service_compatibility'); i++)
    add('compatibility', 'CODE_SMELL', 'MAJOR', COMPATIBILITY_RULES)
  const rest = count(metrics, 'open_issues') - out.length
  for (let i = 0; i < rest; i++)
    add('smell', 'CODE_SMELL', h(`smell|${i}|severity`) % 3 === 0 ? 'INFO' : 'MINOR', CODE_SMELL_RULES)
  return out.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.projectFileLocation.localeCompare(b.projectFileLocation) ||
      a.line - b.line ||
      a.rule.localeCompare(b.rule),
  )
}

/** The issues of a Code Scanning step that has reported (none for other steps). */
export function scanIssues(ctx: EngineContext, execution: Execution, step: StepState): ScanIssue[] {
  if (step.action !== 'codeQuality' || !step.metrics) return []
  const repositoryId = step.repositoryId ?? execution.repositoryId
  const repository = repositoryId ? ctx.findRepository(repositoryId)?.name : undefined
  return deriveScanIssues(step.id, step.metrics, repository ?? 'project')
}
