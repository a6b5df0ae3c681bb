import type { EnvironmentType } from '../../contract/resources'

export const ENVIRONMENT_TYPE_LABEL: Record<EnvironmentType, string> = {
  dev: 'Development',
  stage: 'Stage',
  prod: 'Production',
  rde: 'Rapid Development',
  preprod: 'Preprod',
}

export type StatusVariant = 'positive' | 'informative' | 'negative' | 'notice' | 'neutral'

/** Spec §A.3's display mapping of the API's environment status enum. */
export function environmentStatus(status: string): { label: string; variant: StatusVariant } {
  switch (status) {
    case 'ready':
    case 'created':
      return { label: 'Running', variant: 'positive' }
    case 'creating':
      return { label: 'Creating…', variant: 'informative' }
    case 'updating':
    case 'resetting':
    case 'restoring':
      return { label: 'Updating…', variant: 'informative' }
    case 'deleting':
      return { label: 'Deleting…', variant: 'informative' }
    case 'degraded':
      return { label: 'Degraded', variant: 'notice' }
    case 'hibernated':
      return { label: 'Hibernated', variant: 'neutral' }
    case 'deleted':
      return { label: 'Deleted', variant: 'neutral' }
    default:
      return status.endsWith('failed') ? { label: 'Failed', variant: 'negative' } : { label: status, variant: 'neutral' }
  }
}
