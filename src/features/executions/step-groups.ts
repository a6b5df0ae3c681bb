/**
 * The phase groups of the execution page's left rail and timeline (spec §D.3, §D.14, seed 002):
 * Stage Deployment, Stage Testing, Production Deployment, with only the steps this execution
 * has. Prod-only executions and re-executions start with Deployment Preparation.
 */
import type { Execution, PhaseGroupKey, StepState } from '../../contract/executions'
import { isProdDeploy, isStepActive, isStepDone, isTestStep } from './execution-labels'

export type GroupKey =
  | 'preparation'
  | 'stage-deployment'
  | 'stage-testing'
  | 'dev-deployment'
  | 'dev-testing'
  | 'code-quality'
  | 'production-deployment'

export type GroupState = 'done' | 'active' | 'failed' | 'pending'

export interface StepGroup {
  key: GroupKey | PhaseGroupKey
  title: string
  steps: StepState[]
  state: GroupState
}

const TITLES: Record<GroupKey, string> = {
  preparation: 'Deployment Preparation',
  'stage-deployment': 'Stage Deployment',
  'stage-testing': 'Stage Testing',
  'dev-deployment': 'Dev Deployment',
  'dev-testing': 'Dev Testing',
  'code-quality': 'Code Quality',
  'production-deployment': 'Production Deployment',
}

const isProductionStep = (s: StepState) =>
  (s.action === 'approval' && s.environmentType !== 'stage') ||
  s.action === 'schedule' ||
  s.action === 'managed' ||
  isProdDeploy(s)

function keyOf(step: StepState, lowerEnv: 'stage' | 'dev' | undefined): GroupKey {
  if (isProductionStep(step)) return 'production-deployment'
  if (isTestStep(step)) return lowerEnv === 'dev' ? 'dev-testing' : 'stage-testing'
  if (lowerEnv === 'stage') return 'stage-deployment'
  if (lowerEnv === 'dev') return 'dev-deployment'
  return 'preparation'
}

export function groupState(steps: readonly StepState[]): GroupState {
  if (steps.some((s) => s.status === 'FAILED' || s.status === 'ERROR' || s.status === 'CANCELLED')) return 'failed'
  if (steps.some((s) => isStepActive(s.status))) return 'active'
  if (steps.every((s) => isStepDone(s.status))) return 'done'
  return 'pending'
}

/**
 * AMS executions carry their phase groups (`x-sim.phaseGroups`: Deployment Preparation, Preprod
 * Deployment, Preprod Testing, …); Promote Build has no steps and is drawn by the page itself.
 */
function serverGroups(execution: Execution): StepGroup[] | undefined {
  const given = execution['x-sim'].phaseGroups
  if (!given) return undefined
  const byId = new Map(execution._embedded.stepStates.map((s) => [s.id, s]))
  return given
    .map((g) => {
      const steps = g.stepIds.map((id) => byId.get(id)).filter((s): s is StepState => s !== undefined)
      return { key: g.key, title: g.title, steps, state: groupState(steps) }
    })
    .filter((g) => g.steps.length > 0)
}

export function stepGroups(execution: Execution): StepGroup[] {
  const fromServer = serverGroups(execution)
  if (fromServer) return fromServer
  const steps = execution._embedded.stepStates
  const lowerDeploy = steps.find((s) => s.action === 'deploy' && !isProdDeploy(s))
  const lowerEnv = lowerDeploy ? (lowerDeploy.environmentType === 'dev' ? 'dev' : 'stage') : undefined
  // A code quality pipeline (validate, build, scan) has no deploy at all.
  const codeQualityOnly = !lowerDeploy && !steps.some(isProdDeploy) && steps.some((s) => s.action === 'codeQuality')
  const groups: StepGroup[] = []
  for (const step of steps) {
    const key = codeQualityOnly ? 'code-quality' : keyOf(step, lowerEnv)
    const last = groups[groups.length - 1]
    if (last && last.key === key) last.steps.push(step)
    else groups.push({ key, title: TITLES[key], steps: [step], state: 'pending' })
  }
  for (const g of groups) g.state = groupState(g.steps)
  return groups
}

/** `<done>/<total> · <current or next step>`, as the Activity popover shows a group (spec §B.3). */
export function groupProgress(group: StepGroup): string {
  const done = group.steps.filter((s) => isStepDone(s.status)).length
  const current = group.steps.find((s) => !isStepDone(s.status)) ?? group.steps[group.steps.length - 1]
  return `${done}/${group.steps.length} · ${current?.['x-sim'].label ?? ''}`
}

/** The step being worked on (spec §D.4): running or waiting, else none. */
export const currentStep = (execution: Execution): StepState | undefined =>
  execution._embedded.stepStates.find((s) => isStepActive(s.status))

/** The step an ended execution stopped at, for the history's "current/failing step". */
export function currentOrFailingStep(execution: Execution): StepState | undefined {
  const steps = execution._embedded.stepStates
  return (
    steps.find((s) => isStepActive(s.status)) ??
    steps.find((s) => s.status === 'FAILED' || s.status === 'ERROR' || s.status === 'CANCELLED') ??
    steps.findLast((s) => s.status !== 'NOT_STARTED')
  )
}
