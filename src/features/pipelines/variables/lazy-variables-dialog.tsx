import { lazy, Suspense } from 'react'
import type { Pipeline } from '../../../contract/resources'

/** The dialog's module (the browser loads it once; later calls get the same module). */
export const loadVariablesDialog = () => import('./variables-dialog')
const VariablesDialog = lazy(() => loadVariablesDialog().then((m) => ({ default: m.VariablesDialog })))

/**
 * Variables Configuration, loaded when first wanted (its editor and fields are not needed to show
 * the Pipelines list). Opening a row's … menu starts the download and the page opens the dialog
 * once the module is here, so no loading dialog is shown in between.
 */
export function LazyVariablesDialog({ pipeline }: { pipeline: Pipeline }) {
  return (
    <Suspense fallback={null}>
      <VariablesDialog pipeline={pipeline} />
    </Suspense>
  )
}
