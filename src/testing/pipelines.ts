/** Seeds for the Pipelines page tests: pipelines created through the engine before the app renders. */
import { screen, within } from '@testing-library/react'
import type { Actor } from '../engine/model'
import { startExecution } from '../engine/executions'
import type { SimRuntime } from '../sim/runtime'
import { firstProgramId } from './render-app'

const DM: Actor = { roles: ['deployment-manager'], userId: 'dm@AdobeID' }

export function seedPipelines(runtime: SimRuntime, names: string[]): string[] {
  const engine = runtime.engine
  const programId = firstProgramId(runtime)
  const repo = engine.repositories(programId)[0]!
  return names.map(
    (name) =>
      engine.createPipeline(DM, programId, {
        name,
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: repo.id,
        branch: 'main',
      }).id,
  )
}

/** Starts a pipeline through the engine; on the tests' paused clock it stays running. */
export function startPipeline(runtime: SimRuntime, pipelineId: string): void {
  const engine = runtime.engine
  engine.mutate(() => startExecution(engine.ctx, DM, firstProgramId(runtime), pipelineId, { mode: 'NORMAL' }))
}

/** The table row that names a pipeline. */
export async function rowOf(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('grid', { name: 'Pipelines' })
  return (await within(table).findByText(name, { selector: 'span' })).closest('[role="row"]') as HTMLElement
}
