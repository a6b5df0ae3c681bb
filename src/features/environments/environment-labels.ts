import type { Environment, EnvironmentType } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { getLink } from '../../api/hal'

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
      return { label: 'Ready', variant: 'positive' }
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

/** A requested additional staging environment that is still being provisioned (spec §A.4). */
export const isProvisioningRequest = (env: Environment): boolean =>
  env.status === 'creating' && env['x-sim']?.request !== undefined

export const BASE_BRANCH_LABEL: Record<'INTEGRATION' | 'MASTER', string> = {
  INTEGRATION: 'Integration',
  MASTER: 'Master',
}

/** The environment's service URLs, from its links (present only once it is ready). */
export function serviceUrls(env: Environment): Array<{ service: string; label: string; href: string }> {
  const services = [
    { service: 'author', label: 'Author', rel: REL.author },
    { service: 'publish', label: 'Publish', rel: REL.publish },
    { service: 'preview', label: 'Preview', rel: REL.preview },
  ]
  return services.flatMap(({ service, label, rel }) => {
    const link = getLink(env, rel)
    return link ? [{ service, label, href: link.href }] : []
  })
}

/** Environment variable services (spec §A.5): absent (`all` here) means all services. */
export const SERVICE_OPTIONS = [
  { id: 'all', label: 'All' },
  { id: 'author', label: 'Author' },
  { id: 'publish', label: 'Publish' },
  { id: 'preview', label: 'Preview' },
] as const

export const serviceLabel = (service: string | undefined): string =>
  SERVICE_OPTIONS.find((s) => s.id === (service || 'all'))?.label ?? service ?? 'All'

/** How often environment screens refetch while the push channel is down. */
export const ENVIRONMENTS_POLL_MS = 3_000
