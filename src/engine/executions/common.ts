/**
 * Small shared facts about executions and their steps.
 */
import type { EngineContext } from '../context'
import { notFound } from '../errors'
import type { Execution, Pipeline, StepState, StepStatus } from '../model'

export const isStepDone = (status: StepStatus): boolean =>
  status === 'FINISHED' || status === 'FAILED' || status === 'ERROR' || status === 'CANCELLED'

export const isProdDeploy = (step: Pick<StepState, 'action' | 'environmentType'>): boolean =>
  step.action === 'deploy' && step.environmentType === 'prod'

/** Steps whose outcome comes with quality metrics. */
export const hasMetrics = (step: Pick<StepState, 'action'>): boolean =>
  step.action === 'codeQuality' || step.action === 'contentAudit'

/** Steps that write a log (validation and the human gates do not). */
export const hasLog = (step: Pick<StepState, 'action'>): boolean =>
  step.action !== 'validate' && step.action !== 'approval' && step.action !== 'schedule'

const ENV_WORD: Record<string, string> = { dev: 'Dev', stage: 'Stage', prod: 'Production', preprod: 'Preprod', rde: 'RDE' }

/** The product's name for a step (spec §D.2), including the build variants. */
export function stepLabel(step: Pick<StepState, 'action' | 'variant' | 'environmentType'>): string {
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
    case 'approval':
      return 'Approval'
    case 'schedule':
      return 'Schedule Production Deployment'
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
