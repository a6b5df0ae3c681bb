import type { HalLink, HalLinks } from '../../../contract/hal'

export const link = (href: string, extra: Partial<HalLink> = {}): HalLink => ({ href, templated: false, ...extra })

/** Builds a `_links` object, leaving out relations whose condition is false. */
export function links(entries: Array<[rel: string, href: string, present?: boolean, templated?: boolean]>): HalLinks {
  const out: HalLinks = {}
  for (const [rel, href, present = true, templated = false] of entries) {
    if (present) out[rel] = link(href, { templated })
  }
  return out
}

export const paths = {
  programs: () => '/api/programs',
  program: (p: string) => `/api/program/${p}`,
  environments: (p: string) => `/api/program/${p}/environments`,
  environment: (p: string, e: string) => `/api/program/${p}/environment/${e}`,
  environmentVariables: (p: string, e: string) => `/api/program/${p}/environment/${e}/variables`,
  environmentLogs: (p: string, e: string) => `/api/program/${p}/environment/${e}/logs`,
  repositories: (p: string) => `/api/program/${p}/repositories`,
  repository: (p: string, r: string) => `/api/program/${p}/repository/${r}`,
  branches: (p: string, r: string) => `/api/program/${p}/repository/${r}/branches`,
  pipelines: (p: string) => `/api/program/${p}/pipelines`,
  pipeline: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}`,
  pipelineVariables: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}/variables`,
  pipelineCache: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}/cache`,
  programEmergencyMode: (p: string) => `/api/program/${p}/emergencyMode`,
  pipelineFavorite: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}/favorite`,
  rollback: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}/rollback`,
  execution: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}/execution`,
  executionById: (p: string, pl: string, e: string) => `/api/program/${p}/pipeline/${pl}/execution/${e}`,
  executions: (p: string, pl: string) => `/api/program/${p}/pipeline/${pl}/executions`,
  step: (p: string, pl: string, e: string, ph: string, s: string) =>
    `/api/program/${p}/pipeline/${pl}/execution/${e}/phase/${ph}/step/${s}`,
}
