import { SYSTEM_ACTOR } from '../actors'
import type { EngineContext } from '../context'
import { createPipeline, withDefaults } from '../pipelines'
import { addEnvironment, addProgram, addRepository } from './builder'
import { demoAms } from './demo-ams'
import { demoHistory } from './demo-history'

/**
 * Several programs with the pipeline kinds release managers meet: a coupled production
 * pipeline, split stage-only and prod-only pipelines, development and code quality pipelines.
 */
export function demo(ctx: EngineContext): void {
  const global = addProgram(ctx, 'We.Retail Global')
  const dev = addEnvironment(ctx, global, 'weretail-dev', 'dev', { description: 'Development' })
  const stage = addEnvironment(ctx, global, 'weretail-stage', 'stage', { description: 'Primary stage' })
  const prod = addEnvironment(ctx, global, 'weretail-prod', 'prod', { description: 'Production', publishPairs: 3 })
  const stage2 = addEnvironment(ctx, global, 'weretail-stage-2', 'stage', {
    description: 'Additional staging for user acceptance testing',
    isAdditionalStage: true,
  })
  addEnvironment(ctx, global, 'weretail-rde', 'rde', { description: 'Rapid development' })
  const repo = addRepository(ctx, global, 'weretail', ['main', 'develop', 'release/2024.5', 'feature/x'])
  const source = { repositoryId: repo.id, branch: 'main' }
  const create = (config: Parameters<typeof withDefaults>[0]) =>
    createPipeline(ctx, SYSTEM_ACTOR, global.id, withDefaults(config))
  create({
    name: 'Production Pipeline',
    category: 'production',
    ...source,
    environmentIds: [stage.id, prod.id],
    productionOptions: { pauseBeforeProd: true, scheduled: false },
    stageTesting: {
      productFunctional: true,
      customFunctional: true,
      customUi: true,
      experienceAudit: true,
      experienceAuditPaths: ['/us/en.html', '/us/en/products.html'],
    },
  })
  create({
    name: 'Dev Deploy',
    category: 'nonProduction',
    nonProdKind: 'deployment',
    ...source,
    branch: 'develop',
    environmentIds: [dev.id],
  })
  create({
    name: 'Code Quality',
    category: 'nonProduction',
    nonProdKind: 'codeQuality',
    ...source,
    branch: 'develop',
    trigger: 'ON_COMMIT',
  })
  create({ name: 'Stage Only pipeline', category: 'stageOnly', ...source, environmentIds: [stage2.id] })
  create({
    name: 'Prod Only Pipeline',
    category: 'prodOnly',
    environmentIds: [prod.id],
    productionOptions: { pauseBeforeProd: true, scheduled: false },
  })

  const commerce = addProgram(ctx, 'Global Commerce', { region: 'nld2' })
  addEnvironment(ctx, commerce, 'commerce-dev', 'dev')
  const cStage = addEnvironment(ctx, commerce, 'commerce-stage', 'stage')
  const cProd = addEnvironment(ctx, commerce, 'commerce-prod', 'prod')
  const cRepo = addRepository(ctx, commerce, 'commerce-storefront', ['main', 'release/11.2'])
  createPipeline(
    ctx,
    SYSTEM_ACTOR,
    commerce.id,
    withDefaults({
      name: 'Storefront Production',
      category: 'production',
      repositoryId: cRepo.id,
      branch: 'main',
      environmentIds: [cStage.id, cProd.id],
      productionOptions: { pauseBeforeProd: false, scheduled: true },
    }),
  )

  const sandbox = addProgram(ctx, 'Innovation Sandbox')
  addEnvironment(ctx, sandbox, 'sandbox-dev', 'dev')
  addRepository(ctx, sandbox, 'sandbox-site', ['main'])

  demoHistory(ctx, global.id)
  // Added last, so the Cloud Service programs' ids and history stay as they were.
  demoAms(ctx)
}
