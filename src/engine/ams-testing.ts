/**
 * The read-only **Testing** list of the AMS Edit Production / Non-Production Pipeline dialogs
 * (spec §C.4, §C.7): which test categories a pipeline runs. It is read off the steps the
 * pipeline's configuration and the program's solutions derived (`derivePhases`), so the list can
 * never disagree with what an execution runs.
 */
import type { Pipeline, StepAction } from './model'

export type AmsTestingCategory = 'STATIC_CODE' | 'PERFORMANCE' | 'SECURITY'

/** In the order the dialog lists them: Static Code Testing, Load/Performance Testing, Security Testing. */
const CATEGORY_OF: ReadonlyArray<[AmsTestingCategory, readonly StepAction[]]> = [
  ['STATIC_CODE', ['codeQuality']],
  ['PERFORMANCE', ['loadTest', 'assetsTest', 'reportPerformanceTest']],
  ['SECURITY', ['securityTest']],
]

export function amsTestingCategories(pipeline: Pick<Pipeline, 'phases'>): AmsTestingCategory[] {
  const actions = new Set(pipeline.phases.flatMap((phase) => phase.steps.map((step) => step.action)))
  return CATEGORY_OF.filter(([, steps]) => steps.some((s) => actions.has(s))).map(([category]) => category)
}
