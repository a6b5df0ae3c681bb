/** Link relations of the Cloud Manager API. The API emits `http://`; clients accept `https://` too. */
export const REL_BASE = 'http://ns.adobe.com/adobecloud/rel/'

export const REL = {
  program: `${REL_BASE}program`,
  programs: `${REL_BASE}programs`,
  tenant: `${REL_BASE}tenant`,
  pipelines: `${REL_BASE}pipelines`,
  pipeline: `${REL_BASE}pipeline`,
  environments: `${REL_BASE}environments`,
  environment: `${REL_BASE}environment`,
  repositories: `${REL_BASE}repositories`,
  repository: `${REL_BASE}repository`,
  branches: `${REL_BASE}branches`,
  regions: `${REL_BASE}regions`,
  execution: `${REL_BASE}execution`,
  executionById: `${REL_BASE}execution/id`,
  executions: `${REL_BASE}executions`,
  variables: `${REL_BASE}variables`,
  cache: `${REL_BASE}cache`,
  rollback: `${REL_BASE}rollbackLastSuccessfulExecution`,
  /** (sim) PUT stars the pipeline for the caller, DELETE unstars it. */
  favorite: `${REL_BASE}favorite`,
  /** (sim) [AMS] On a program, for a Customer Success Engineer: PUT turns Emergency Mode on, DELETE off. */
  emergencyMode: `${REL_BASE}emergencyMode`,
  /** (sim) On production only pipelines: the stage-only executions whose build may be promoted. */
  promotableExecutions: `${REL_BASE}promotableExecutions`,
  stepLogs: `${REL_BASE}pipeline/logs`,
  stepMetrics: `${REL_BASE}pipeline/metrics`,
  stepArtifacts: `${REL_BASE}pipeline/artifacts`,
  advance: `${REL_BASE}pipeline/advance`,
  cancel: `${REL_BASE}pipeline/cancel`,
  reExecute: `${REL_BASE}pipeline/reExecute`,
  author: `${REL_BASE}author`,
  publish: `${REL_BASE}publish`,
  preview: `${REL_BASE}preview`,
  developerConsole: `${REL_BASE}developerConsole`,
  logs: `${REL_BASE}logs`,
} as const

export type RelName = keyof typeof REL

/** The same relation in the `https://` spelling some documentation uses. */
export function httpsVariant(rel: string): string {
  return rel.replace(/^http:\/\//, 'https://')
}
