import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { programQueries } from '../../api/resources/programs'
import { PageHeading } from '../../components/page-heading'
import { EnvironmentsCard } from '../../features/environments/environments-card'
import { DeployCallToAction } from '../../features/pipelines/deploy-call-to-action'
import { PipelinesCard } from '../../features/pipelines/pipelines-card'
import { EmergencyModeSwitch } from '../../features/programs/emergency-mode-switch'
import { PipelineExecutionPopover } from './pipeline-execution-popover'

/** Program Overview: the Deploy call to action, and the Environments and Pipelines cards (with the execution popover) of three features. */
export function Component() {
  const { programId = '' } = useParams()
  const program = useQuery(programQueries.detail(programId))
  return (
    <>
      <PageHeading title={program.data?.name ?? 'Program Overview'} />
      <EmergencyModeSwitch programId={programId} />
      <DeployCallToAction programId={programId} />
      <div className={style({ display: 'grid', gridTemplateColumns: { default: '1fr', lg: '1fr 1fr' }, gap: 24 })}>
        <EnvironmentsCard programId={programId} />
        <PipelinesCard
          programId={programId}
          statusExtra={(pipeline) => <PipelineExecutionPopover programId={programId} pipeline={pipeline} />}
        />
      </div>
    </>
  )
}
