import type { Environment, Pipeline } from '../../contract/resources'
import { DEPLOYED_CODE_LABEL, pipelineTypeLine } from './pipeline-labels'

/** The Pipelines page filters (spec §B.2): combinable; `''` means "any". */
export interface PipelineFilters {
  name: string
  environmentId: string
  /** A type line, e.g. "Non-Production · Code Quality". */
  type: string
  codeSource: string
}

export const NO_FILTERS: PipelineFilters = { name: '', environmentId: '', type: '', codeSource: '' }

export const TYPE_OPTIONS = [
  'Production',
  'Production Only',
  'Non-Production · Deployment',
  'Non-Production · Deployment Stage',
  'Non-Production · Code Quality',
] as const

export const CODE_OPTIONS = Object.entries(DEPLOYED_CODE_LABEL).map(([id, label]) => ({ id, label }))

export const isFiltered = (f: PipelineFilters) => f.name !== '' || f.environmentId !== '' || f.type !== '' || f.codeSource !== ''

/** The pipelines every filter lets through, favourites first, otherwise in the server's order. */
export function visiblePipelines(pipelines: readonly Pipeline[], f: PipelineFilters): Pipeline[] {
  const name = f.name.trim().toLowerCase()
  const shown = pipelines.filter(
    (p) =>
      (name === '' || p.name.toLowerCase().includes(name)) &&
      (f.environmentId === '' || p['x-sim'].environmentIds.includes(f.environmentId)) &&
      (f.type === '' || pipelineTypeLine(p) === f.type) &&
      (f.codeSource === '' || p['x-sim'].codeSource === f.codeSource),
  )
  const favourite = (p: Pipeline) => (p['x-sim'].favorite ? 0 : 1)
  return shown
    .map((p, i) => ({ p, i }))
    .sort((a, b) => favourite(a.p) - favourite(b.p) || a.i - b.i)
    .map(({ p }) => p)
}

/** Environments a pipeline can deploy to, for the environment filter. */
export const filterableEnvironments = (envs: readonly Environment[]) => envs.filter((e) => e.type !== 'rde')
