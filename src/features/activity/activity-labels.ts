import type { ExecutionStatus, ExecutionTrigger } from '../../contract/executions'
import type { Pipeline } from '../../contract/resources'
import type { ActivityExecution } from '../../api/resources/activity'

export type StatusVariant = 'informative' | 'positive' | 'negative' | 'notice' | 'neutral'

/** Activity's status column (spec §B.7, vocabulary of §B.4). */
export const EXECUTION_STATUS: Record<ExecutionStatus, { label: string; variant: StatusVariant }> = {
  NOT_STARTED: { label: 'Pending', variant: 'neutral' },
  RUNNING: { label: 'Running', variant: 'informative' },
  CANCELLING: { label: 'Cancelling…', variant: 'notice' },
  CANCELLED: { label: 'Cancelled', variant: 'neutral' },
  FINISHED: { label: 'Finished', variant: 'positive' },
  FAILED: { label: 'Failed', variant: 'negative' },
  ERROR: { label: 'Error', variant: 'negative' },
}

/** The statuses a user filters by, in the order the filter lists them. */
export const STATUS_FILTERS: readonly ExecutionStatus[] = ['RUNNING', 'FINISHED', 'FAILED', 'ERROR', 'CANCELLED']

export const TRIGGER_LABEL: Record<ExecutionTrigger, string> = {
  MANUAL: 'Manual',
  ON_COMMIT: 'On Git Changes',
  PUSH_UPGRADES: 'Push Upgrades',
  RE_EXECUTE: 'Re-execute',
}

export const TRIGGER_FILTERS: readonly ExecutionTrigger[] = ['MANUAL', 'ON_COMMIT', 'PUSH_UPGRADES', 'RE_EXECUTE']

const CODE_SOURCE_ACTION: Record<Pipeline['x-sim']['codeSource'], string> = {
  fullStack: 'Full Stack Pipeline Execution',
  frontEnd: 'Front End Pipeline Execution',
  webTierConfig: 'Web Tier Config Pipeline Execution',
  config: 'Config Pipeline Execution',
}

/** The Action column: the API's `x-sim.action`, or the same wording derived from the pipeline. */
export function actionLabel(e: ActivityExecution, pipeline: Pipeline | undefined): string {
  const given = e['x-sim'].action
  if (given) return given
  if (e.trigger === 'RE_EXECUTE') return 'Re-execution'
  if (e['x-sim'].category === 'prodOnly') return 'Promote Build'
  if (pipeline?.['x-sim'].nonProdKind === 'codeQuality') return 'Code Quality Execution'
  return CODE_SOURCE_ACTION[pipeline?.['x-sim'].codeSource ?? 'fullStack']
}

/** Fallback type line when the pipeline is gone from the list (deleted pipelines keep no history, but be safe). */
export const CATEGORY_LINE: Record<ActivityExecution['x-sim']['category'], string> = {
  production: 'Production',
  nonProduction: 'Non-Production',
  stageOnly: 'Non-Production · Deployment Stage',
  prodOnly: 'Production Only',
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

/** `1 hour 46 minutes`, `3 minutes`, `12 seconds`; the two largest units only. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return plural(seconds, 'second')
  const units: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
  ]
  const first = units.findIndex(([n]) => n > 0)
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => plural(n, unit))
    .join(' ')
}

/** Duration column: `-` while the execution has not finished. */
export const executionDuration = (e: ActivityExecution): string =>
  e.finishedAt ? formatDuration(Date.parse(e.finishedAt) - Date.parse(e.createdAt)) : '-'

/** Branch and commit of the code the execution built (its first step that names them). */
export function sourceOf(e: ActivityExecution): { branch?: string; commit?: string } {
  const steps = e._embedded?.stepStates ?? []
  const branch = steps.find((s) => s.branch)?.branch
  const commit = steps.find((s) => s.commitId)?.commitId
  return { ...(branch ? { branch } : {}), ...(commit ? { commit: commit.slice(0, 7) } : {}) }
}
