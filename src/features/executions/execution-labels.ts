/**
 * Words the execution page shows for API values (spec §B.4, §D.1, §D.4). Colour always comes
 * with one of these words, never alone.
 */
import {
  AMS_KPI_NAMES,
  type Execution,
  type ExecutionStatus,
  type ExecutionTrigger,
  type StepState,
  type StepStatus,
} from '../../contract/executions'
import type { PipelineCategory } from '../../contract/resources'

export type Tone = 'informative' | 'positive' | 'negative' | 'notice' | 'neutral'

export interface StatusView {
  label: string
  tone: Tone
}

export function executionStatusView(status: ExecutionStatus): StatusView {
  switch (status) {
    case 'RUNNING':
      return { label: 'In progress', tone: 'informative' }
    case 'FINISHED':
      return { label: 'Finished', tone: 'positive' }
    case 'FAILED':
      return { label: 'Failed', tone: 'negative' }
    case 'ERROR':
      return { label: 'Error', tone: 'negative' }
    case 'CANCELLED':
      return { label: 'Cancelled', tone: 'neutral' }
    case 'CANCELLING':
      return { label: 'Cancelling…', tone: 'neutral' }
    case 'NOT_STARTED':
      return { label: 'Pending', tone: 'neutral' }
  }
}

export const TRIGGER_WORDS: Record<ExecutionTrigger, string> = {
  MANUAL: 'manual',
  ON_COMMIT: 'on commit',
  PUSH_UPGRADES: 'push upgrades',
  RE_EXECUTE: 're-execute',
}

export const MODE_WORDS: Record<Execution['pipelineExecutionMode'], string> = {
  NORMAL: 'Normal',
  EMERGENCY: 'Emergency',
}

/** The type line under the pipeline's name (spec §B.1). */
export function typeLine(category: PipelineCategory, nonProdKind?: 'codeQuality' | 'deployment'): string {
  switch (category) {
    case 'production':
      return 'Production'
    case 'prodOnly':
      return 'Production Only'
    case 'stageOnly':
      return 'Non-Production · Deployment Stage'
    case 'nonProduction':
      return nonProdKind === 'codeQuality' ? 'Non-Production · Code Quality' : 'Non-Production · Deployment'
  }
}

const TEST_ACTIONS = new Set([
  'productTest',
  'functionalTest',
  'uiTest',
  'contentAudit',
  // [AMS] stage testing
  'securityTest',
  'loadTest',
  'assetsTest',
  'reportPerformanceTest',
])

/** The result line of a step (spec §D.4): Passed, Succeeded, Completed, Overridden, Failed, … */
export function stepResult(step: StepState): StatusView {
  const message = step['x-sim'].resultMessage ?? ''
  const rejected = /rejected/i.test(message)
  switch (step.status) {
    case 'FINISHED':
      if (message === 'Overridden') return { label: 'Overridden', tone: 'notice' }
      return { label: finishedWord(step), tone: 'positive' }
    case 'FAILED':
      return rejected ? { label: 'Rejected', tone: 'negative' } : { label: 'Failed', tone: 'negative' }
    case 'ERROR':
      return { label: 'Error', tone: 'negative' }
    case 'CANCELLED':
      return rejected ? { label: 'Rejected', tone: 'neutral' } : { label: 'Cancelled', tone: 'neutral' }
    case 'RUNNING':
    case 'ROLLING_BACK':
      return { label: 'In progress', tone: 'informative' }
    case 'WAITING':
      // [AMS] A deploy waits only when it is paused (spec §D.1).
      if (step.action === 'deploy') return { label: 'Paused', tone: 'notice' }
      return { label: 'Waiting for a decision', tone: 'notice' }
    case 'INCOMPLETE':
      return { label: 'Incomplete', tone: 'notice' }
    case 'ROLLED_BACK':
      return { label: 'Rolled back', tone: 'neutral' }
    case 'NOT_STARTED':
      return { label: 'Not started', tone: 'neutral' }
  }
}

function finishedWord(step: StepState): string {
  switch (step.action) {
    case 'build':
      return 'Succeeded'
    case 'deploy':
    case 'buildImage':
    case 'schedule':
      return 'Completed'
    case 'approval':
      return 'Approved'
    case 'managed':
      return 'Started'
    default:
      return 'Passed'
  }
}

export const isTestStep = (step: Pick<StepState, 'action'>) => TEST_ACTIONS.has(step.action)
export const isProdDeploy = (step: Pick<StepState, 'action' | 'environmentType'>) =>
  step.action === 'deploy' && step.environmentType === 'prod'
export const isStepActive = (status: StepStatus) => status === 'RUNNING' || status === 'WAITING'
export const isStepDone = (status: StepStatus) =>
  status === 'FINISHED' || status === 'FAILED' || status === 'ERROR' || status === 'CANCELLED' || status === 'INCOMPLETE'

/** One-line descriptions (spec §D.2). */
export function stepDescription(step: StepState): string | undefined {
  switch (step.action) {
    case 'validate':
      return 'Your pipeline has been verified against a set of pre-defined rules.'
    case 'build':
      if (step['x-sim'].variant === 'artifactPreparation')
        return 'A previously compiled build artifact has been reused for this step.'
      if (step['x-sim'].variant === 'copyArtifacts')
        return 'The artifacts of the original execution are copied; nothing is rebuilt.'
      return 'Runs a containerized build process and the unit tests.'
    case 'codeQuality':
      return 'Your application code has been verified against a selected set of rules used for AEM applications.'
    case 'buildImage':
      return 'Content and Dispatcher packages are converted into images and deployment configurations.'
    case 'deploy':
      if (isProdDeploy(step)) return 'A rolling deployment: author first, then each dispatcher/publish pair in turn.'
      // [AMS] deploys packages and dispatcher configuration behind the load balancer (spec §D.9).
      return step['x-sim'].deployOptions
        ? 'The AEM packages are installed on author and publish, then the dispatcher configuration is deployed.'
        : 'The images are deployed to the environment.'
    case 'productTest':
      return 'Product functional tests run against the stage environment.'
    case 'functionalTest':
      return 'Your custom functional tests run against the stage environment.'
    case 'uiTest':
      return 'Your custom UI tests run against the stage environment.'
    case 'contentAudit':
      return 'Lighthouse scores of the configured pages, compared with the previous run. Informational only.'
    case 'securityTest':
      return 'Validation of the security test cases is complete.'
    case 'loadTest':
      return 'Sites performance test: up to 10 virtual users load the configured page sets for 30 minutes.'
    case 'assetsTest':
      return 'Assets performance test: images and PDFs are uploaded and processed for 30 minutes.'
    case 'reportPerformanceTest':
      return 'The performance test report, checked against the program KPIs.'
    case 'managed':
      return 'A Customer Success Engineer oversees and starts the production deployment.'
    case 'approval':
      return step.environmentType === 'stage'
        ? 'The deployment waits for approval after the stage deployment, before testing.'
        : 'The deployment waits for approval before it goes to production.'
    case 'schedule':
      return 'Choose when the production deployment starts.'
    default:
      return undefined
  }
}

const UNITS: Array<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
]

/** `4 seconds`, `34 minutes 58 seconds`, `2 days 3 hours`: the two largest units. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1_000) return 'less than a second'
  const parts: string[] = []
  let rest = Math.floor(ms)
  for (const [size, unit] of UNITS) {
    const n = Math.floor(rest / size)
    if (n > 0 || parts.length > 0) {
      if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`)
      rest -= n * size
    }
    if (parts.length === 2) break
  }
  return parts.join(' ')
}

/** Duration compared with an average: `+12%` / `−5%` / `±0%`. */
export function formatDelta(actualMs: number, averageMs: number): string {
  if (averageMs <= 0) return ''
  const pct = Math.round(((actualMs - averageMs) / averageMs) * 100)
  if (pct === 0) return '±0%'
  return pct > 0 ? `+${pct}%` : `−${Math.abs(pct)}%`
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
  // [AMS] security and performance testing (spec §D.5).
  ...AMS_KPI_NAMES,
}

export const COMPARATOR_WORDS: Record<string, string> = {
  GT: '>',
  GTE: '≥',
  LT: '<',
  LTE: '≤',
  EQ: '=',
  NEQ: '≠',
}
