/**
 * A story as data: the steps of one seed flow told on the real screens. Nothing here runs; the
 * runner (story-runner.ts) reads it, and story-validation.test.ts checks it against the
 * scenarios and the screens.
 */
import type { ExecutionStatus, ExecutionTrigger, StepStatus } from '../../contract/executions'
import type { Role } from '../../contract/resources'

export type ScenarioName = 'fresh-program' | 'coupled-pipeline' | 'split-pipelines'

/** An element found by its accessible role and name (`in: 'dialog'`: inside the open dialog only). */
interface Located {
  name: string
  in?: 'dialog'
}

/** What the user does, one control at a time. */
export type Target =
  | (Located & { press: 'button' | 'menuitem' | 'link' | 'tab' })
  | (Located & { fill: 'textbox'; value: string })
  | (Located & { check: 'radio' | 'checkbox' })
  /** A picker (a button named after its label) and the option to choose in its list. */
  | (Located & { pick: string })
  /**
   * Something to show, not operate (a warning, by its heading): Play waits for it, marks it and
   * gives the audience time to read it; by hand it counts as done once it is on screen.
   */
  | (Located & { see: 'heading' })

/** Where a step happens; executions are named by the key a condition saved them under. */
export type Screen = { page: 'overview' | 'pipelines' | 'environments' | 'activity' } | { page: 'execution'; execution: string }

/** A backend fact, read through the API, that completes a step. */
export type Condition =
  /**
   * An execution of `pipeline` started during this story (newest first) — or the one saved as
   * `execution` — with the given status, trigger or step status. `save` names it for later steps.
   */
  | {
      execution: { pipeline: string; trigger?: ExecutionTrigger } | { saved: string }
      status?: readonly ExecutionStatus[]
      step?: { action: string; environmentType?: 'stage' | 'prod'; status: readonly StepStatus[] }
      save?: string
    }
  /** An environment with this name, in one of these statuses (`creating`, `ready`). */
  | { environment: string; status: readonly string[] }
  /** A pipeline with this name that deploys to the environment named `environment`. */
  | { pipeline: string; deploysTo: string }

/** A wait the story fast-forwards on the virtual clock, told as what was skipped. */
export type FastForward =
  /** Until a step waits for a decision or nothing runs any more. */
  | { until: 'waiting' }
  /** Until the saved execution's waiting step times out (its `timeoutAt`). */
  | { until: 'timeout'; execution: string }
  /** Until the named environment's provisioning is done (its `readyAt`). */
  | { until: 'provisioned'; environment: string }
  /**
   * A teammate in role `as` runs `pipeline` meanwhile, through the API with that role's token: the
   * story starts it, approves its approval and fast-forwards it to its end.
   */
  | { until: 'teammate-run'; pipeline: string; as: Role }

/** A fault the story injects before the step, said aloud in its narration. */
export interface InjectedFault {
  pipeline: string
  action: string
  environmentType?: 'stage' | 'prod'
  status: 'FAILED' | 'ERROR'
}

export interface StoryStep {
  id: string
  /** One or two sentences a stakeholder understands. */
  narration: string
  screen: Screen
  /** The role the step is played in; a change from the previous step must be said in the narration. */
  role?: Role
  inject?: InjectedFault
  /** The controls to operate, in order; none for a step the audience only watches. */
  targets: readonly Target[]
  fastForward?: FastForward
  /** The step is done when this holds (after the fast-forward, if any); no condition: done at once. */
  done?: Condition
}

export interface Story {
  id: string
  title: string
  summary: string
  /** About how long it takes, as the list shows it. */
  duration: string
  scenario: ScenarioName
  program: string
  /** Pipelines and environments the story itself creates (not in the scenario). */
  creates?: { pipelines?: readonly string[]; environments?: readonly string[] }
  steps: readonly StoryStep[]
}

export const isPress = (t: Target): t is Extract<Target, { press: string }> => 'press' in t
export const isFill = (t: Target): t is Extract<Target, { fill: string }> => 'fill' in t
export const isCheck = (t: Target): t is Extract<Target, { check: string }> => 'check' in t
export const isPick = (t: Target): t is Extract<Target, { pick: string }> => 'pick' in t
export const isSee = (t: Target): t is Extract<Target, { see: string }> => 'see' in t

/** The target's role, for finding it and for messages. */
export function roleOf(t: Target): string {
  if (isPress(t)) return t.press
  if (isFill(t)) return t.fill
  if (isCheck(t)) return t.check
  if (isSee(t)) return t.see
  return 'button'
}

/** "the Run menu item", "the Name text field": how a story names a control in messages. */
export function describeTarget(t: Target): string {
  if (isPick(t)) return `"${t.pick}" in the ${t.name} picker`
  if (isFill(t)) return `"${t.value}" in ${t.name}`
  return `${t.name} (${roleOf(t)})`
}
