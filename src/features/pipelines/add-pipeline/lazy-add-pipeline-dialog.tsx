import { Content, Dialog, Heading } from '@react-spectrum/s2'
import { lazy, Suspense } from 'react'
import { LoadingState } from '../../../components/loading-state'
import type { AddPipelineDialogProps } from './add-pipeline-dialog'

const load = () => import('./add-pipeline-dialog')
const AddPipelineDialog = lazy(() => load().then((m) => ({ default: m.AddPipelineDialog })))

/**
 * The Add/Edit Pipeline wizard is loaded when first wanted (its tabs, radio groups and draft
 * schemas are not needed to show the Pipelines list). Opening the Add Pipeline menu or a row's
 * actions starts the download, so the loading dialog is seldom seen.
 */
export function preloadAddPipelineDialog(): void {
  void load()
}

export function LazyAddPipelineDialog(props: AddPipelineDialogProps) {
  return (
    <Suspense
      fallback={
        <Dialog size="L">
          <Heading slot="title">{props.editing ? 'Edit pipeline' : 'Add Pipeline'}</Heading>
          <Content>
            <LoadingState what="the pipeline form" />
          </Content>
        </Dialog>
      }
    >
      <AddPipelineDialog {...props} />
    </Suspense>
  )
}
