import { lazy, Suspense } from 'react'
import type { Pipeline } from '../../../contract/resources'

let loading: Promise<typeof import('./variables-dialog')> | undefined

/** Loads the dialog's module once (again after a failure, so that a retry can succeed). */
export function loadVariablesDialog(): Promise<unknown> {
  loading ??= import('./variables-dialog').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

const VariablesDialog = lazy(() =>
  (loadVariablesDialog() as Promise<typeof import('./variables-dialog')>).then((m) => ({ default: m.VariablesDialog })),
)

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
