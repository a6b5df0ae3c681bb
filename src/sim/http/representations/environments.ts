import type { Environment, EnvironmentList } from '../../../contract/resources'
import { REL } from '../../../contract/rels'
import type { Engine } from '../../../engine/engine'
import type { Actor, Environment as EnvironmentModel } from '../../../engine/model'
import { iso, isoRequired } from '../route'
import { links, paths } from './links'

const LOG_OPTIONS = [
  { service: 'author', name: 'aemerror' },
  { service: 'author', name: 'aemrequest' },
  { service: 'author', name: 'aemaccess' },
  { service: 'publish', name: 'aemerror' },
  { service: 'dispatcher', name: 'httpdaccess' },
  { service: 'dispatcher', name: 'httpderror' },
]

/** An environment as `actor` sees it: with the lock that holds it and whether they may delete it. */
export function environment(engine: Engine, actor: Actor, e: EnvironmentModel): Environment {
  const lock = engine.environmentLock(e.id)
  const deletable = engine.canDeleteEnvironment(actor, e.programId, e.id)
  const host = `p${e.programId}-e${e.id}`
  const serviceLinks = e.status === 'ready' && e.type !== 'rde'
  return {
    id: e.id,
    programId: e.programId,
    name: e.name,
    description: e.description,
    type: e.type,
    status: e.status,
    region: e.region,
    availableLogOptions: e.type === 'rde' ? [] : LOG_OPTIONS,
    'x-sim': {
      isAdditionalStage: e.isAdditionalStage,
      createdAt: isoRequired(e.createdAt),
      ...(e.request
        ? {
            request: {
              baseBranch: e.request.baseBranch,
              requestedAt: isoRequired(e.request.requestedAt),
              readyAt: iso(e.request.readyAt) as string,
            },
          }
        : {}),
      ...(lock ? { lock } : {}),
      delete: deletable.ok ? { allowed: true } : { allowed: false, reason: deletable.error.message },
    },
    _links: links([
      ['self', paths.environment(e.programId, e.id)],
      [REL.program, paths.program(e.programId)],
      [REL.variables, paths.environmentVariables(e.programId, e.id)],
      [REL.author, `https://author-${host}.adobeaemcloud.com`, serviceLinks],
      [REL.publish, `https://publish-${host}.adobeaemcloud.com`, serviceLinks],
      [REL.preview, `https://preview-${host}.adobeaemcloud.com`, serviceLinks],
      [REL.developerConsole, `https://dev-console-${host}.adobeaemcloud.com`, serviceLinks],
      [REL.logs, `${paths.environmentLogs(e.programId, e.id)}?service={service}&name={name}&days={days}`, e.type !== 'rde', true],
    ]),
  }
}

export function environmentList(programId: string, envs: readonly Environment[]): EnvironmentList {
  return {
    _totalNumberOfItems: envs.length,
    _embedded: { environments: [...envs] },
    _links: links([['self', paths.environments(programId)]]),
  }
}
