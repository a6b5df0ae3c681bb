import type { Pipeline } from '../../contract/resources'

/** The type line under a pipeline's name (spec §B.1). */
export function pipelineTypeLine(p: Pipeline): string {
  const s = p['x-sim']
  switch (s.category) {
    case 'production':
      return 'Production'
    case 'prodOnly':
      return 'Production Only'
    case 'stageOnly':
      return 'Non-Production · Deployment Stage'
    case 'nonProduction':
      return s.nonProdKind === 'codeQuality' ? 'Non-Production · Code Quality' : 'Non-Production · Deployment'
  }
}

export const DEPLOYED_CODE_LABEL: Record<Pipeline['x-sim']['codeSource'], string> = {
  fullStack: 'Full Stack',
  frontEnd: 'Front End',
  webTierConfig: 'Web Tier Config',
  config: 'Config',
}

export const TRIGGER_LABEL: Record<Pipeline['trigger'], string> = {
  MANUAL: 'Manual',
  ON_COMMIT: 'On Git Changes',
}

export type PipelineStatusView = { label: string; variant: 'informative' | 'notice' | 'neutral' }

/**
 * Spec §B.4: IDLE → Not running, BUSY → Running…, WAITING → Waiting (a step awaits a decision),
 * or Paused when what waits is a paused AMS deploy.
 */
export function pipelineStatus(status: Pipeline['status'], paused = false): PipelineStatusView {
  switch (status) {
    case 'BUSY':
      return { label: 'Running…', variant: 'informative' }
    case 'WAITING':
      return paused ? { label: 'Paused', variant: 'notice' } : { label: 'Waiting', variant: 'notice' }
    case 'IDLE':
      return { label: 'Not running', variant: 'neutral' }
  }
}
