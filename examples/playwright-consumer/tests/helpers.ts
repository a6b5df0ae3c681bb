import type { Sim } from 'pipeline-console/playwright'

interface Listed<K extends string, T> {
  _embedded: Record<K, T[]>
}

/** A pipeline's id, from the Cloud Manager API. */
export async function pipelineId(sim: Sim, programId: string, name: string): Promise<string> {
  const list = await sim.api<Listed<'pipelines', { id: string; name: string }>>('GET', `/api/program/${programId}/pipelines`)
  const found = list._embedded.pipelines.find((p) => p.name === name)
  if (!found) throw new Error(`No pipeline named ${name} in program ${programId}.`)
  return found.id
}

export async function executionIds(sim: Sim, programId: string, pipeline: string): Promise<string[]> {
  const list = await sim.api<Listed<'executions', { id: string }>>('GET', `/api/program/${programId}/pipeline/${pipeline}/executions`)
  return list._embedded.executions.map((e) => e.id)
}
