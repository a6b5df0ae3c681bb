import { StatusLight } from '@react-spectrum/s2'
import type { Pipeline } from '../../contract/resources'
import { pipelineStatus } from './pipeline-labels'

export function PipelineStatus({ status }: { status: Pipeline['status'] }) {
  const { label, variant } = pipelineStatus(status)
  return <StatusLight variant={variant}>{label}</StatusLight>
}
