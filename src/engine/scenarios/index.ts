import type { EngineContext } from '../context'
import { demo } from './demo'
import { freshProgram } from './fresh-program'

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
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof SCENARIOS

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name)
}
