/**
 * Test fixtures for AMS rules: the `ams-program` scenario (Sites and Assets licensed, Emergency
 * Mode enabled) with the pipelines a test asks for, and a Customer Success Engineer.
 */
import { SYSTEM_ACTOR } from '../actors'
import { Engine } from '../engine'
import type { Actor, Pipeline, Program } from '../model'
import { createPipeline, type PipelineInput, withDefaults } from '../pipelines'

export const CSE: Actor = { roles: ['cse'], userId: 'carl@AdobeID' }

export interface AmsFixture {
  engine: Engine
  program: Program
  programId: string
  devId: string
  stageId: string
  prodId: string
  repoId: string
  add: (config: PipelineInput) => Pipeline
  coupled: (options?: Partial<PipelineInput>) => Pipeline
  stageOnly: (options?: Partial<PipelineInput>) => Pipeline
  prodOnly: (options?: Partial<PipelineInput>) => Pipeline
}

export function amsFixture(seed = 1): AmsFixture {
  const engine = Engine.create('ams-program', seed)
  const ctx = engine.ctx
  const program = ctx.state.programs[0] as Program
  const envs = ctx.environmentsOf(program.id)
  const id = (type: string) => envs.find((e) => e.type === type)?.id as string
  const repoId = ctx.state.repositories[0]?.id as string
  const add: AmsFixture['add'] = (config) => createPipeline(ctx, SYSTEM_ACTOR, program.id, withDefaults(config, 'ams'))
  const source = { repositoryId: repoId, branch: 'main' }
  return {
    engine,
    program,
    programId: program.id,
    devId: id('dev'),
    stageId: id('stage'),
    prodId: id('prod'),
    repoId,
    add,
    coupled: (o = {}) =>
      add({ name: 'AMS Production', category: 'production', ...source, environmentIds: [id('stage'), id('prod')], ...o }),
    stageOnly: (o = {}) => add({ name: 'AMS Stage Only', category: 'stageOnly', ...source, environmentIds: [id('stage')], ...o }),
    prodOnly: (o = {}) => add({ name: 'AMS Prod Only', category: 'prodOnly', environmentIds: [id('prod')], ...o }),
  }
}
