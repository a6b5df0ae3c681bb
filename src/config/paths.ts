/** Every in-app URL, so routes and links cannot drift apart. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  programs: { path: '/programs', getHref: () => '/programs' },
  program: { path: '/program/:programId', getHref: (programId: string) => `/program/${programId}` },
  overview: { path: 'overview', getHref: (programId: string) => `/program/${programId}/overview` },
  pipelines: { path: 'pipelines', getHref: (programId: string) => `/program/${programId}/pipelines` },
  environments: { path: 'environments', getHref: (programId: string) => `/program/${programId}/environments` },
  activity: { path: 'activity', getHref: (programId: string) => `/program/${programId}/activity` },
  audit: { path: 'audit', getHref: (programId: string) => `/program/${programId}/audit` },
  environment: {
    path: 'environment/:environmentId',
    getHref: (programId: string, environmentId: string) => `/program/${programId}/environment/${environmentId}`,
  },
  execution: {
    path: 'pipeline/:pipelineId/execution/:executionId',
    getHref: (programId: string, pipelineId: string, executionId: string) =>
      `/program/${programId}/pipeline/${pipelineId}/execution/${executionId}`,
  },
} as const
