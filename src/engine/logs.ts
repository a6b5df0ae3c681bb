/**
 * Generated step logs (spec §D.10). A log is a pure function of the state: reading it changes
 * nothing (no draws from the engine's random source). A running step's log ends at "now".
 */
import type { EngineContext } from './context'
import { formatLogTime } from './executions/calendar'
import { hasLog, stepLabel } from './executions/common'
import type { Execution, StepState } from './model'

/** A tiny deterministic generator seeded from ids, for log variety without touching state. */
function seeded(seed: string): () => number {
  let h = 2166136261
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619)
  return () => {
    h = (h + 0x6d2b79f5) >>> 0
    let t = h
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Line {
  /** Fraction of the step's duration at which the line is written. */
  at: number
  text: string
}

export function stepLogFileName(step: Pick<StepState, 'action' | 'environmentType'>): string {
  if (step.action === 'deploy') return `deploy-${step.environmentType ?? 'env'}.log`
  return `${step.action}.log`
}

function buildLines(ctx: EngineContext, execution: Execution, step: StepState, rnd: () => number): Line[] {
  const pipeline = ctx.findPipeline(execution.pipelineId)
  const program = ctx.findProgram(execution.programId)
  const repo = execution.repositoryId ? ctx.findRepository(execution.repositoryId) : undefined
  const lines: Line[] = [{ at: 0, text: `Starting ${stepLabel(step)} for execution ${execution.id}` }]
  const builtBy = execution.builtByExecutionId
  if (step.variant !== undefined || (builtBy !== undefined && builtBy !== execution.id)) {
    const builder = builtBy ? ctx.findExecution(builtBy) : undefined
    lines.push({
      at: 0.1,
      text: `The following build artifacts were reused from the prior execution ${builtBy ?? execution.sourceExecutionId} of pipeline ${builder?.pipelineId ?? execution.pipelineId} which used commit ${execution.commitId ?? 'unknown'}.`,
    })
    lines.push({ at: 0.2, text: 'A previously compiled build artifact has been reused for this step.' })
    if (execution.validatedByExecutionId) {
      lines.push({
        at: 0.3,
        text: `The artifact has been validated on a lower environment by execution ${execution.validatedByExecutionId}.`,
      })
    }
    lines.push({ at: 0.95, text: `Artifacts version ${execution.artifactsVersion} is ready.` })
    return lines
  }
  const env: Array<[string, string]> = [
    ['CM_BUILD', 'true'],
    ['BRANCH', execution.branch ?? ''],
    ['CM_PIPELINE_ID', execution.pipelineId],
    ['CM_PIPELINE_NAME', pipeline?.name ?? ''],
    ['CM_PROGRAM_ID', execution.programId],
    ['CM_PROGRAM_NAME', program?.name ?? ''],
    ['ARTIFACTS_VERSION', execution.artifactsVersion],
  ]
  lines.push({
    at: 0.01,
    text: `Cloning ${repo?.url ?? 'repository'} at ${execution.branch ?? ''} (commit ${execution.commitId ?? ''})`,
  })
  lines.push({ at: 0.02, text: 'Build environment variables:' })
  for (const [k, v] of env) lines.push({ at: 0.02, text: `  ${k}=${v}` })
  lines.push({ at: 0.03, text: 'Executing: mvn --batch-mode org.jacoco:jacoco-maven-plugin:prepare-agent clean install' })
  const modules = ['core', 'ui.apps', 'ui.content', 'ui.config', 'dispatcher', 'all']
  modules.forEach((m, i) => {
    lines.push({
      at: 0.1 + (i * 0.8) / modules.length,
      text: `[INFO] Building ${repo?.name ?? 'site'}.${m} ${execution.artifactsVersion}`,
    })
  })
  const tests = 40 + Math.floor(rnd() * 400)
  lines.push({ at: 0.92, text: `[INFO] Tests run: ${tests}, Failures: 0, Errors: 0, Skipped: ${Math.floor(rnd() * 3)}` })
  lines.push({ at: 0.98, text: '[INFO] BUILD SUCCESS' })
  return lines
}

const GATE_INTRO = {
  codeQuality: 'Running the code quality analysis with the AEM rule set',
  securityTest: 'Running the security health checks on author and every publish instance',
  loadTest: 'Running the 30-minute Sites performance test with up to 10 virtual users',
  reportPerformanceTest: 'Collecting the performance test results of every monitored instance',
} as const

/** The Assets performance test uploads the pipeline's custom test files in turn, or the default assets. */
function assetsTestLines(ctx: EngineContext, execution: Execution, step: StepState): Line[] {
  const files = step.testAssets ?? []
  const split = ctx.findPipeline(execution.pipelineId)?.stageTesting.assetsSplit
  const lines: Line[] = []
  if (files.length === 0) {
    lines.push({ at: 0.05, text: 'No custom test files were uploaded: using the default assets' })
  } else {
    lines.push({
      at: 0.05,
      text: `Using ${files.length} uploaded test file${files.length === 1 ? '' : 's'} instead of the default assets:`,
    })
    for (const f of files) lines.push({ at: 0.05, text: `  ${f.format === 'PDF' ? 'PDF' : 'Image'}: ${f.fileName}` })
  }
  const share = split ? ` (${split.images}% images, ${split.pdfs}% PDFs)` : ''
  lines.push({ at: 0.1, text: `Uploading test images and PDFs to the stage author instance (5 assets per minute)${share}` })
  // 150 uploads in 30 minutes, cycling through the uploaded files in order: deterministic, no random draws.
  files.forEach((f, i) => {
    lines.push({ at: 0.15 + (0.7 * i) / files.length, text: `Uploaded ${f.fileName}` })
  })
  lines.push({ at: 0.9, text: 'Assets performance test finished; results go to the performance test report' })
  return lines
}

function stepLines(ctx: EngineContext, execution: Execution, step: StepState, rnd: () => number): Line[] {
  if (step.action === 'build') return buildLines(ctx, execution, step, rnd)
  const env = step.environmentId ? ctx.findEnvironment(step.environmentId) : undefined
  const lines: Line[] = [
    { at: 0, text: `Starting ${stepLabel(step)}${env ? ` on ${env.name}` : ''} for execution ${execution.id}` },
  ]
  if (step.activities) {
    const n = step.activities.length
    step.activities.forEach((a, i) => lines.push({ at: (i + 0.5) / n, text: a.description }))
    return lines
  }
  switch (step.action) {
    case 'securityTest':
    case 'loadTest':
    case 'reportPerformanceTest':
    case 'codeQuality':
      lines.push({ at: 0.1, text: GATE_INTRO[step.action] })
      for (const m of step.metrics ?? []) {
        lines.push({
          at: 0.9,
          text: `  ${m.kpi}: ${m.actualValue} (${m.comparator} ${m.expectedValue}) ${m.passed ? 'passed' : m.override ? 'overridden' : 'FAILED'} [${m.severity}]`,
        })
      }
      break
    case 'buildImage':
      lines.push({ at: 0.2, text: 'Converting content and Dispatcher packages into images' })
      lines.push({ at: 0.7, text: 'Generating Kubernetes configurations' })
      break
    case 'deploy':
      lines.push({ at: 0.2, text: 'Starting new nodes with the new version while the old ones serve traffic' })
      lines.push({ at: 0.6, text: 'Health checks passed; shifting traffic' })
      lines.push({ at: 0.8, text: 'Dispatcher cache wiped and warmed up' })
      break
    case 'contentAudit':
      for (const m of step.metrics ?? []) lines.push({ at: 0.9, text: `  ${m.kpi}: ${m.actualValue}` })
      break
    case 'assetsTest':
      lines.push(...assetsTestLines(ctx, execution, step))
      break
    default: {
      const tests = 5 + Math.floor(rnd() * 60)
      lines.push({ at: 0.5, text: `Running ${tests} tests against ${env?.name ?? 'the environment'}` })
      lines.push({ at: 0.95, text: `Tests run: ${tests}, Failures: 0` })
    }
  }
  return lines
}

/** The log text of a step that has started, up to now; undefined when there is no log (yet). */
export function stepLog(ctx: EngineContext, execution: Execution, step: StepState): string | undefined {
  if (step.startedAt === undefined || !hasLog(step)) return undefined
  const rnd = seeded(`${execution.id}/${step.id}`)
  const start = step.startedAt
  const end = step.finishedAt ?? ctx.now
  const planned = step.plannedMs ?? Math.max(1, end - start)
  const out: string[] = []
  for (const line of stepLines(ctx, execution, step, rnd)) {
    const at = start + Math.round(line.at * planned)
    if (at > end) break
    out.push(`${formatLogTime(Math.min(at, end))} ${line.text}`)
  }
  if (step.finishedAt !== undefined) {
    const outcome =
      step.status === 'FINISHED'
        ? 'finished successfully'
        : `ended ${step.status}${step.resultMessage ? `: ${step.resultMessage}` : ''}`
    out.push(`${formatLogTime(step.finishedAt)} ${stepLabel(step)} ${outcome}`)
  }
  return `${out.join('\n')}\n`
}
