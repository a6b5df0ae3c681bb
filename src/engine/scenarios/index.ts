import type { EngineContext } from '../context'
import { amsProgram } from './ams-program'
import { coupledPipeline } from './coupled-pipeline'
import { demo } from './demo'
import { freshProgram } from './fresh-program'
import { splitPipelines } from './split-pipelines'

export interface Scenario {
  readonly description: string
  readonly build: (ctx: EngineContext) => void
}

export const SCENARIOS = {
  demo: { description: 'Several programs with every kind of pipeline and a rich history.', build: demo },
  'fresh-program': {
    description: 'One program, Fresh Program, with dev, stage and prod environments, one repository and no pipelines.',
    build: freshProgram,
  },
  'coupled-pipeline': {
    description: 'Fresh Program with a coupled production pipeline (approval before production), idle and ready to run.',
    build: coupledPipeline,
  },
  'ams-program': {
    description:
      'One Managed Services program, AMS Program, with Emergency Mode enabled, dev, stage and prod environments, one repository and no pipelines.',
    build: amsProgram,
  },
  'split-pipelines': {
    description:
      'A program with stage-only and prod-only pipelines and two successful stage-only executions, the newer ready to promote.',
    build: splitPipelines,
  },
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof SCENARIOS

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name)
}
