/**
 * Small shared facts about executions and their steps.
 */
import type { EngineContext } from '../context'
import { notFound } from '../errors'
import type { Flavour } from '../flavour'
import type { Execution, Pipeline, StepState, StepStatus } from '../model'

export const isStepDone = (status: StepStatus): boolean =>
  status === 'FINISHED' || status === 'FAILED' || status === 'ERROR' || status === 'CANCELLED'

export const isProdDeploy = (step: Pick<StepState, 'action' | 'environmentType'>): boolean =>
  step.action === 'deploy' && step.environmentType === 'prod'

/** Quality gates: steps whose metrics can fail (critical), or wait for an override (important). */
export const isQualityGate = (step: Pick<StepState, 'action'>): boolean =>
  step.action === 'codeQuality' ||
  step.action === 'securityTest' ||
  step.action === 'loadTest' ||
  step.action === 'reportPerformanceTest'

/** Steps that wait for a person as soon as they start. */
export const isHumanStep = (step: Pick<StepState, 'action'>): boolean =>
  step.action === 'approval' || step.action === 'schedule' || step.action === 'managed'

/** Steps whose outcome comes with quality metrics. */
export const hasMetrics = (step: Pick<StepState, 'action'>): boolean => isQualityGate(step) || step.action === 'contentAudit'

/** Steps that write a log (validation and the human gates do not). */
export const hasLog = (step: Pick<StepState, 'action'>): boolean => step.action !== 'validate' && !isHumanStep(step)

const ENV_WORD: Record<string, string> = { dev: 'Dev', stage: 'Stage', prod: 'Production', preprod: 'Preprod', rde: 'RDE' }

/** The product's name for a step (spec §D.2), including the build variants; AMS names its approvals differently. */
export function stepLabel(step: Pick<StepState, 'action' | 'variant' | 'environmentType'>, flavour: Flavour = 'cs'): string {
  switch (step.action) {
    case 'validate':
      return 'Validation'
    case 'build':
      if (step.variant === 'artifactPreparation') return 'Artifact Preparation'
      if (step.variant === 'copyArtifacts') return 'Build & Unit Testing (Copying artifacts)'
      return 'Build & Unit Testing'
    case 'codeQuality':
      return 'Code Scanning'
    case 'buildImage':
      return 'Build Images'
    case 'deploy':
      return `Deploy to ${ENV_WORD[step.environmentType ?? ''] ?? 'Environment'}`
    case 'productTest':
      return 'Product Functional Testing'
    case 'functionalTest':
      return 'Custom Functional Testing'
    case 'uiTest':
      return 'Custom UI Testing'
    case 'contentAudit':
      return 'Experience Audit'
    case 'securityTest':
      return 'Security Testing'
    case 'loadTest':
      return 'Performance Testing'
    case 'assetsTest':
      return 'Assets Performance Testing'
    case 'reportPerformanceTest':
      return 'Performance Test Report'
    case 'approval':
      if (flavour === 'cs') return 'Approval'
      return step.environmentType === 'prod' ? 'Go Live Approval' : 'Application for Approval'
    case 'schedule':
      return 'Schedule Production Deployment'
    case 'managed':
      return 'CSE Support'
  }
}

export function pipelineOf(ctx: EngineContext, execution: Execution): Pipeline {
  const pipeline = ctx.findPipeline(execution.pipelineId)
  if (!pipeline) throw notFound('Pipeline', execution.pipelineId)
  return pipeline
}

/** The pipeline's newest execution, if it has run. */
export function lastExecutionOf(ctx: EngineContext, pipeline: Pipeline): Execution | undefined {
  const id = pipeline.executionIds[pipeline.executionIds.length - 1]
  return id === undefined ? undefined : ctx.findExecution(id)
}

/** Finds a step state by the phase and step ids of its URL. */
export function stepIndexOf(execution: Execution, phaseId: string, stepId: string): number {
  const index = execution.steps.findIndex((s) => s.phaseId === phaseId && s.stepId === stepId)
  if (index < 0) throw notFound('Step', stepId)
  return index
}

/** The step being worked on: the first one running or waiting. */
export function currentStepIndex(execution: Execution): number {
  return execution.steps.findIndex((s) => s.status === 'RUNNING' || s.status === 'WAITING')
}
