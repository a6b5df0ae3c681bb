import { StatusLight } from '@react-spectrum/s2'
import type { Environment } from '../../contract/resources'
import { environmentStatus } from './environment-labels'

export function EnvironmentStatus({ environment }: { environment: Environment }) {
  const { label, variant } = environmentStatus(environment.status)
  const request = environment['x-sim']?.request
  // A requested additional stage says how long provisioning may take (spec §A.4).
  const shown = request && environment.status === 'creating' ? 'Requested — provisioning (up to 2 weeks)' : label
  return <StatusLight variant={variant}>{shown}</StatusLight>
}
