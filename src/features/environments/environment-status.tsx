import { StatusLight } from '@react-spectrum/s2'
import { formatDate } from '../../components/format-date'
import type { Environment } from '../../contract/resources'
import { environmentStatus, isProvisioningRequest } from './environment-labels'

/** The status light of spec §A.3; a requested additional stage says when it was asked for and how long it may take. */
export function EnvironmentStatus({ environment }: { environment: Environment }) {
  const { label, variant } = environmentStatus(environment.status)
  const request = environment['x-sim']?.request
  const shown =
    request && isProvisioningRequest(environment)
      ? `Requested ${formatDate(request.requestedAt)} — provisioning (up to 2 weeks)`
      : label
  return <StatusLight variant={variant}>{shown}</StatusLight>
}
