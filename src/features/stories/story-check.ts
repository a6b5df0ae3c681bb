/**
 * What can be checked of a story without a screen: the program, pipelines and environments it
 * names exist in its scenario (or are created by the story itself, by a field it fills), every
 * execution a screen or condition refers to was saved by an earlier step, and every change of
 * role, and every run a teammate makes meanwhile, is said in the narration.
 */
import { ROLE_LABELS } from '../../app/role-store'
import type { Role } from '../../contract/resources'
import { type Condition, isFill, type Story } from './story-model'

/** The names a scenario holds, as the API lists them. */
export interface ScenarioFacts {
  programs: readonly string[]
  pipelines: readonly string[]
  environments: readonly string[]
}

function namesIn(condition: Condition | undefined): { pipelines: string[]; environments: string[]; saved: string[] } {
  if (!condition) return { pipelines: [], environments: [], saved: [] }
  if ('environment' in condition) return { pipelines: [], environments: [condition.environment], saved: [] }
  if ('deploysTo' in condition) return { pipelines: [condition.pipeline], environments: [condition.deploysTo], saved: [] }
  const which = condition.execution
  return 'saved' in which
    ? { pipelines: [], environments: [], saved: [which.saved] }
    : { pipelines: [which.pipeline], environments: [], saved: [] }
}

export function storyProblems(story: Story, facts: ScenarioFacts, defaultRole: Role): string[] {
  const problems: string[] = []
  const filled = new Set(story.steps.flatMap((s) => s.targets.filter(isFill).map((t) => t.value)))
  const created = {
    pipelines: new Set(story.creates?.pipelines ?? []),
    environments: new Set(story.creates?.environments ?? []),
  }
  for (const name of [...created.pipelines, ...created.environments]) {
    if (!filled.has(name)) problems.push(`${story.id} says it creates "${name}" but no step types that name.`)
  }
  if (!facts.programs.includes(story.program)) {
    problems.push(`${story.id}: the ${story.scenario} scenario has no program "${story.program}".`)
  }
  const knownPipeline = (n: string) => facts.pipelines.includes(n) || created.pipelines.has(n)
  const knownEnvironment = (n: string) => facts.environments.includes(n) || created.environments.has(n)
  const saved = new Set<string>()
  let role: Role = defaultRole
  story.steps.forEach((step, i) => {
    const where = `${story.id} step ${i + 1} (${step.id})`
    if (
      step.screen.page === 'execution' &&
      !saved.has(step.screen.execution) &&
      step.done &&
      !savesKey(step.done, step.screen.execution)
    ) {
      problems.push(`${where} shows execution "${step.screen.execution}", which no earlier step saved.`)
    }
    const names = namesIn(step.done)
    for (const p of names.pipelines)
      if (!knownPipeline(p)) problems.push(`${where} names pipeline "${p}", not in ${story.scenario}.`)
    for (const e of names.environments) {
      if (!knownEnvironment(e)) problems.push(`${where} names environment "${e}", not in ${story.scenario}.`)
    }
    for (const k of names.saved) if (!saved.has(k)) problems.push(`${where} reads execution "${k}" before any step saved it.`)
    if (step.inject && !knownPipeline(step.inject.pipeline)) {
      problems.push(`${where} injects a fault into "${step.inject.pipeline}", not in ${story.scenario}.`)
    }
    if (step.inject && !/fault/i.test(step.narration)) problems.push(`${where} injects a fault without saying so.`)
    const ff = step.fastForward
    if (ff?.until === 'timeout' && !saved.has(ff.execution))
      problems.push(`${where} waits on unsaved execution "${ff.execution}".`)
    if (ff?.until === 'provisioned' && !knownEnvironment(ff.environment)) {
      problems.push(`${where} waits for environment "${ff.environment}", which nothing creates.`)
    }
    if (ff?.until === 'teammate-run') {
      if (!knownPipeline(ff.pipeline)) problems.push(`${where} has a teammate run "${ff.pipeline}", not in ${story.scenario}.`)
      if (!step.narration.includes(ff.pipeline) || !step.narration.includes(ROLE_LABELS[ff.as])) {
        problems.push(`${where} has a ${ROLE_LABELS[ff.as]} run ${ff.pipeline} without saying so in its narration.`)
      }
    }
    if (ff && !/fast-forward/i.test(step.narration)) problems.push(`${where} fast-forwards without saying so.`)
    if (step.role && step.role !== role) {
      if (!step.narration.includes(ROLE_LABELS[step.role])) {
        problems.push(`${where} switches to ${ROLE_LABELS[step.role]} without saying so in its narration.`)
      }
      role = step.role
    }
    if (step.done && 'save' in step.done && step.done.save) saved.add(step.done.save)
  })
  if (!/reset/i.test(story.steps[0]?.narration ?? '')) problems.push(`${story.id} does not say that it resets the simulator.`)
  return problems
}

const savesKey = (condition: Condition, key: string) => 'save' in condition && condition.save === key
