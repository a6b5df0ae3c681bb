import { EmptyState } from '../../components/empty-state'
import { PageHeading } from '../../components/page-heading'
import { QueryState } from '../../components/query-state'
import { AddPipeline } from './add-pipeline'
import { PipelinesTable } from './pipelines-table'
import { usePipelinesView } from './use-pipelines-view'

export function PipelinesPage({ programId }: { programId: string }) {
  const { pipelines, environments, repositories } = usePipelinesView(programId)
  return (
    <>
      <PageHeading title="Pipelines" actions={<AddPipeline programId={programId} />} />
      <QueryState
        query={pipelines}
        what="pipelines"
        empty={
          <EmptyState heading="No pipelines yet">
            Use Add Pipeline to create a production, non-production or production only pipeline.
          </EmptyState>
        }
      >
        {(data) => <PipelinesTable pipelines={data} environments={environments} repositories={repositories} />}
      </QueryState>
    </>
  )
}
