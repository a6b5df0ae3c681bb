/**
 * Helpers for writing scenarios: each adds an entity with realistic defaults.
 */
import type { EngineContext } from '../context'
import type { Environment, EnvironmentType, Program, Repository } from '../model'

/** 2026-11-02T09:00:00.000Z: where every scenario's virtual clock starts. */
export const SCENARIO_EPOCH = 1_793_610_000_000

export function addProgram(ctx: EngineContext, name: string, overrides: Partial<Program> = {}): Program {
  return ctx.addProgram({
    id: ctx.newId(),
    name,
    enabled: true,
    tenantId: 'weretail',
    imsOrgId: '6522A55453334E247F120101@AdobeOrg',
    status: 'ready',
    type: 'aem_cloud_service',
    region: 'va7',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    emergencyModeEnabled: false,
    solutions: ['sites'],
    ...overrides,
  })
}

export function addEnvironment(
  ctx: EngineContext,
  program: Program,
  name: string,
  type: EnvironmentType,
  overrides: Partial<Environment> = {},
): Environment {
  return ctx.addEnvironment({
    id: ctx.newId(),
    programId: program.id,
    name,
    description: '',
    type,
    status: 'ready',
    region: program.region,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    isAdditionalStage: false,
    publishPairs: type === 'prod' ? 2 : 1,
    variables: [],
    ...overrides,
  })
}

export function newCommit(ctx: EngineContext): string {
  return ctx.random.hex(40)
}

export function addRepository(
  ctx: EngineContext,
  program: Program,
  name: string,
  branches: readonly string[],
  commitsPerBranch = 3,
): Repository {
  return ctx.addRepository({
    id: ctx.newId(),
    programId: program.id,
    name,
    description: `${name} application code`,
    url: `https://git.cloudmanager.adobe.com/${program.tenantId}/${name}/`,
    branches: branches.map((b) => ({
      name: b,
      commits: Array.from({ length: commitsPerBranch }, () => newCommit(ctx)),
    })),
  })
}
