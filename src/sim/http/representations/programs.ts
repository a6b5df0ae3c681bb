import type { EmbeddedProgram, Program, ProgramList } from '../../../contract/resources'
import { REL } from '../../../contract/rels'
import type { Engine } from '../../../engine/engine'
import type { Verdict } from '../../../engine/errors'
import { canSetEmergencyMode } from '../../../engine/emergency-mode'
import type { Actor, Program as ProgramModel } from '../../../engine/model'
import { isoRequired } from '../route'
import { links, paths } from './links'

export function embeddedProgram(p: ProgramModel): EmbeddedProgram {
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    tenantId: p.tenantId,
    status: p.status,
    createdAt: isoRequired(p.createdAt),
    updatedAt: isoRequired(p.updatedAt),
    _links: links([
      ['self', paths.program(p.id)],
      [REL.tenant, `/api/tenant/${p.tenantId}`],
    ]),
  }
}

export function programList(programs: readonly ProgramModel[]): ProgramList {
  return {
    _totalNumberOfItems: programs.length,
    _embedded: { programs: programs.map(embeddedProgram) },
    _links: links([['self', paths.programs()]]),
  }
}

export function program(engine: Engine, actor: Actor, p: ProgramModel): Program {
  const menu = (kind: 'production' | 'nonProduction' | 'prodOnly') => {
    const verdict = engine.canAddPipeline(actor, p.id, kind)
    return verdict.ok ? { allowed: true } : { allowed: false, reason: verdict.error.message }
  }
  const offer = (verdict: Verdict) => (verdict.ok ? { allowed: true } : { allowed: false, reason: verdict.error.message })
  const ams = p.type === 'aem_managed_services'
  return {
    ...embeddedProgram(p),
    imsOrgId: p.imsOrgId,
    type: p.type,
    capabilities: {},
    // (sim) [AMS] The program flag of spec §B: Emergency Mode, turned on and off by a CSE.
    ...(ams ? { emergencyModeEnabled: p.emergencyModeEnabled } : {}),
    'x-sim': {
      region: p.region,
      emergencyMode: p.type === 'aem_managed_services' && p.emergencyModeEnabled === true,
      solutions: p.solutions,
      ...(p.kpis ? { kpis: p.kpis } : {}),
      addPipeline: { production: menu('production'), nonProduction: menu('nonProduction'), prodOnly: menu('prodOnly') },
      requestAdditionalStage: offer(engine.canRequestAdditionalStage(actor, p.id)),
      addEnvironment: {
        ...offer(engine.canCreateEnvironment(actor, p.id)),
        types: {
          dev: offer(engine.canAddEnvironmentType(p.id, 'dev')),
          rde: offer(engine.canAddEnvironmentType(p.id, 'rde')),
          stage: offer(engine.canAddEnvironmentType(p.id, 'stage')),
          prod: offer(engine.canAddEnvironmentType(p.id, 'prod')),
        },
      },
    },
    _links: links([
      ['self', paths.program(p.id)],
      [REL.pipelines, paths.pipelines(p.id)],
      [REL.environments, paths.environments(p.id)],
      [REL.repositories, paths.repositories(p.id)],
      [REL.tenant, `/api/tenant/${p.tenantId}`],
      [REL.emergencyMode, paths.programEmergencyMode(p.id), ams && canSetEmergencyMode(engine.ctx, actor, p.id).ok],
    ]),
  }
}
