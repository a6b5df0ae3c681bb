/**
 * The AMS execution page's phase groups (spec §D.3 #6–7, §D.14): a stage-only run shows
 * Deployment Preparation, Preprod Deployment, Preprod Testing and a final Promote Build; a
 * prod-only run Deployment Preparation and Production Deployment; a coupled run Stage
 * Deployment, Stage Testing and Production Deployment (as the AMS execution popover does).
 */
import type { Execution, StepState } from '../model'

export type PhaseGroupKey =
  | 'deployment-preparation'
  | 'stage-deployment'
  | 'stage-testing'
  | 'preprod-deployment'
  | 'preprod-testing'
  | 'dev-deployment'
  | 'code-quality'
  | 'promote-build'
  | 'production-deployment'

export const PHASE_GROUP_TITLES: Readonly<Record<PhaseGroupKey, string>> = {
  'deployment-preparation': 'Deployment Preparation',
  'stage-deployment': 'Stage Deployment',
  'stage-testing': 'Stage Testing',
  'preprod-deployment': 'Preprod Deployment',
  'preprod-testing': 'Preprod Testing',
  'dev-deployment': 'Dev Deployment',
  'code-quality': 'Code Quality',
  'promote-build': 'Promote Build',
  'production-deployment': 'Production Deployment',
}

export interface PhaseGroup {
  key: PhaseGroupKey
  title: string
  stepIds: string[]
}

const TESTS: ReadonlySet<StepState['action']> = new Set([
  'securityTest',
  'loadTest',
  'assetsTest',
  'reportPerformanceTest',
  'contentAudit',
])

/** The group of one step of `execution`. */
export function phaseGroupOf(execution: Pick<Execution, 'category' | 'steps'>, step: StepState): PhaseGroupKey {
  const stageOnly = execution.category === 'stageOnly'
  if (step.environmentType === 'prod') return 'production-deployment'
  if (TESTS.has(step.action)) return stageOnly ? 'preprod-testing' : 'stage-testing'
  if (step.action === 'deploy' || step.action === 'approval') {
    if (step.environmentType === 'dev') return 'dev-deployment'
    return stageOnly ? 'preprod-deployment' : 'stage-deployment'
  }
  const lowerDeploy = execution.steps.find((s) => s.action === 'deploy' && s.environmentType !== 'prod')
  if (!lowerDeploy && !execution.steps.some((s) => s.environmentType === 'prod')) return 'code-quality'
  // The coupled production run builds as part of its stage deployment; others prepare first.
  if (execution.category === 'production' && lowerDeploy?.environmentType === 'stage') return 'stage-deployment'
  return 'deployment-preparation'
}

/** The groups in order, each with its steps; a stage-only run ends with Promote Build. */
export function phaseGroups(execution: Pick<Execution, 'category' | 'steps'>): PhaseGroup[] {
  const groups: PhaseGroup[] = []
  for (const step of execution.steps) {
    const key = phaseGroupOf(execution, step)
    const last = groups[groups.length - 1]
    if (last && last.key === key) last.stepIds.push(step.id)
    else groups.push({ key, title: PHASE_GROUP_TITLES[key], stepIds: [step.id] })
  }
  if (execution.category === 'stageOnly')
    groups.push({ key: 'promote-build', title: PHASE_GROUP_TITLES['promote-build'], stepIds: [] })
  return groups
}
