/**
 * Runs one story: moves from step to step as the backend says (however the user got there),
 * marks the control to press, fast-forwards waits, and in Play performs the steps itself. No
 * React here; the panel renders `view()` and calls the commands.
 */
import type { QueryClient } from '@tanstack/react-query'
import { paths } from '../../config/paths'
import type { Role } from '../../contract/resources'
import { findTarget, type Found, markCurrent, STORY_PANEL_ATTRIBUTE } from './find-target'
import { perform } from './perform'
import {
  clearFaults,
  describeSkipped,
  evaluate,
  fastForward,
  injectFault,
  type SavedExecution,
  type StoryContext,
  startStoryBackend,
} from './story-backend'
import { isPick, isPress, isSee, type Screen, type Story, type StoryStep, type Target } from './story-model'

export interface RoleAccess {
  get: () => Role
  set: (role: Role) => void
}

export interface StoryHost {
  document: Document
  navigate: (href: string) => void
  roles: RoleAccess
  queryClient: QueryClient
  /** Calls back on every backend change (the simulator's push channel); returns the unsubscribe. */
  onBackendChange: (listener: () => void) => () => void
}

export interface StoryOptions {
  autoplay: boolean
  /**
   * Multiplies every delay the story makes for people to follow (Play's, and the moment before it
   * moves on after the user's own press): 1 is a readable pace, 0.1 ten times faster (tests).
   */
  pace: number
  /** How long Play looks for a control before it stops and says which (tests shorten it). */
  findTimeoutMs?: number
}

export type Phase = 'starting' | 'running' | 'complete' | 'failed' | 'closed'

export interface StoryView {
  story: Story
  phase: Phase
  index: number
  frontier: number
  done: readonly boolean[]
  playing: boolean
  /** Something the story is doing on its own right now ("Fast-forwarding…"). */
  busy: string | undefined
  /** What each step's fast-forward skipped. */
  skipped: readonly (string | undefined)[]
  problem: string | undefined
  executions: readonly SavedExecution[]
  /** Where the shown step happens, and whether the user is there. */
  screenHref: string | undefined
  onScreen: boolean
  /** The role restored at the end, to say so. */
  ownRole: Role | undefined
}

const TICK_MS = 150
const POLL_MS = 1_000
/** After a press the next control may take a moment to appear: do not fall back meanwhile. */
const GRACE_MS = 1_500
const FIND_TIMEOUT_MS = 15_000
const DONE_TIMEOUT_MS = 30_000

/** Human pace: time to read a narration, to see a highlighted control, to type a key. */
export const readMs = (narration: string) => Math.min(6_000, Math.max(2_000, narration.split(/\s+/).length * 150))
const BEAT_MS = 900
/** After the user did what a step asked, the moment to see it marked done before the next step. */
const MOVE_ON_MS = 600
const KEY_MS = 60
const SKIP_DWELL_MS = 2_500

export class StoryRunner {
  private state: StoryView
  private ctx: StoryContext | undefined
  private readonly listeners = new Set<() => void>()
  private cursor = 0
  private graceUntil = 0
  private marked: HTMLElement | undefined
  /** Bumped when a story (re)starts or stops: pending work of an older run does nothing. */
  private run = 0
  /** Bumped on Play and Pause. */
  private play = 0
  /** Steps entered in this run: their role switch and fault happen once. */
  private entered = new Set<number>()
  private checking = false
  private checkAgain = false
  private readonly cleanups: Array<() => void> = []

  constructor(
    story: Story,
    private readonly host: StoryHost,
    private options: StoryOptions,
  ) {
    this.state = this.initial(story)
  }

  private initial(story: Story): StoryView {
    return {
      story,
      phase: 'starting',
      index: 0,
      frontier: 0,
      done: story.steps.map(() => false),
      playing: false,
      busy: 'Resetting the simulator…',
      skipped: story.steps.map(() => undefined),
      problem: undefined,
      executions: [],
      screenHref: undefined,
      onScreen: true,
      ownRole: undefined,
    }
  }

  /** The router's current path, kept up to date by the panel. */
  private path = ''
  setPath(path: string): void {
    this.path = path
  }

  view = (): StoryView => this.state
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(patch: Partial<StoryView>): void {
    this.state = { ...this.state, ...patch }
    for (const l of this.listeners) l()
  }

  private get step(): StoryStep {
    return this.state.story.steps[this.state.index] as StoryStep
  }

  private sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms * this.options.pace))

  /** Resets to the story's scenario and enters its first step. */
  async start(): Promise<void> {
    const run = ++this.run
    this.stopWatching()
    this.entered = new Set()
    const ownRole = this.state.ownRole ?? this.host.roles.get()
    this.state = { ...this.initial(this.state.story), ownRole, playing: this.options.autoplay }
    this.set({})
    try {
      this.ctx = await startStoryBackend(this.state.story)
    } catch (error) {
      if (run === this.run) this.set({ phase: 'failed', busy: undefined, problem: messageOf(error) })
      return
    }
    if (run !== this.run) return
    await this.host.queryClient.resetQueries()
    this.watch()
    this.set({ phase: 'running', busy: undefined })
    await this.enter(0)
    if (this.options.autoplay) this.startPlaying()
  }

  private watch(): void {
    const tick = setInterval(() => this.tick(), TICK_MS)
    const poll = setInterval(() => void this.check(), POLL_MS)
    const off = this.host.onBackendChange(() => void this.check())
    const doc = this.host.document
    const onPress = (event: Event) => this.pressed(event)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') this.pressed(event)
    }
    doc.addEventListener('click', onPress, true)
    doc.addEventListener('keydown', onKey, true)
    this.cleanups.push(
      () => clearInterval(tick),
      () => clearInterval(poll),
      off,
      () => doc.removeEventListener('click', onPress, true),
      () => doc.removeEventListener('keydown', onKey, true),
      () => markCurrent(doc, undefined),
    )
  }

  private stopWatching(): void {
    for (const c of this.cleanups.splice(0)) c()
    this.marked = undefined
  }

  private screenHref(screen: Screen): string | undefined {
    const programId = this.ctx?.programId
    if (!programId) return undefined
    if (screen.page !== 'execution') return paths[screen.page].getHref(programId)
    const saved = this.ctx?.saved[screen.execution]
    return saved ? paths.execution.getHref(saved.programId, saved.pipelineId, saved.executionId) : undefined
  }

  private async enter(index: number): Promise<void> {
    const run = this.run
    const step = this.state.story.steps[index] as StoryStep
    const fresh = !this.entered.has(index)
    this.entered.add(index)
    this.cursor = 0
    this.graceUntil = 0
    // The previous step's mark is stale at once (the next tick marks what this step wants).
    this.mark(undefined)
    this.set({ index, frontier: Math.max(this.state.frontier, index), problem: undefined })
    if (fresh && this.ctx) {
      if (step.role && this.host.roles.get() !== step.role) {
        this.host.roles.set(step.role)
        await this.host.queryClient.resetQueries()
      }
      if (step.inject) {
        try {
          await injectFault(this.ctx, step.inject)
        } catch (error) {
          this.set({ problem: messageOf(error) })
        }
      }
    }
    if (run !== this.run) return
    this.goToScreen()
    if (!step.done && step.targets.length === 0 && !step.fastForward) this.markDone(index)
    else void this.check()
  }

  private goToScreen(): void {
    const href = this.screenHref(this.step.screen)
    if (href && this.path !== href) {
      this.host.navigate(href)
      this.path = href
    }
    this.set({ screenHref: href, onScreen: true })
  }

  /** Whether the live step's condition holds now; remembers the executions it finds. */
  private async check(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true
      return
    }
    const run = this.run
    const index = this.state.frontier
    const step = this.state.story.steps[index]
    if (!this.ctx || this.state.phase !== 'running' || !step?.done || this.state.done[index]) return
    this.checking = true
    try {
      const result = await evaluate(this.ctx, step.done)
      if (run !== this.run) return
      if (result.found) this.remember(result.found.key, result.found.execution)
      if (result.holds) this.markDone(index)
    } catch {
      // A failed read (a transport fault, a reset elsewhere) is retried on the next change or poll.
    } finally {
      this.checking = false
      if (this.checkAgain) {
        this.checkAgain = false
        void this.check()
      }
    }
  }

  private remember(key: string, execution: SavedExecution): void {
    if (!this.ctx) return
    const known = this.ctx.saved[key]
    this.ctx.saved[key] = execution
    if (known?.executionId === execution.executionId) return
    this.set({ executions: [...this.state.executions.filter((e) => e.executionId !== execution.executionId), execution] })
    if (this.state.screenHref === undefined) this.goToScreen()
  }

  private markDone(index: number): void {
    const done = [...this.state.done]
    done[index] = true
    this.set({ done })
    const step = this.state.story.steps[index] as StoryStep
    // The user did what the step asked: go on. A step to watch waits for Next (or Play).
    if (!this.state.playing && step.targets.length > 0 && index === this.state.index) {
      const run = this.run
      setTimeout(() => {
        if (run === this.run && this.state.index === index) this.next()
      }, MOVE_ON_MS * this.options.pace)
    }
  }

  /**
   * Finds the control to press now, moving along the step's targets as the screen changes: past
   * the ones already as wanted, forward when the user got further another way, back when a
   * dialog or menu was closed. The cursor reaches `targets.length` once the last was pressed.
   */
  private resolve(): { found: Found; at: number } | undefined {
    const targets = this.step.targets
    const n = targets.length
    const find = (i: number) => findTarget(this.host.document, targets[i] as Target)
    let c = this.cursor
    let found: Found | undefined
    while (c < n) {
      found = find(c)
      if (!found?.satisfied) break
      found = undefined
      c++
    }
    // Not past something to show that is not on screen yet (the step waits for it).
    const waitsToShow = c < n && isSee(targets[c] as Target)
    for (let j = c + 1; j < n && !found && !waitsToShow; j++) {
      const f = find(j)
      if (f && !f.satisfied) {
        found = f
        c = j
      }
    }
    if (!found && Date.now() > this.graceUntil) {
      for (let j = Math.min(c, n) - 1; j >= 0 && !found; j--) {
        const f = find(j)
        if (f && !f.satisfied) {
          found = f
          c = j
        }
      }
    }
    this.cursor = c
    return found ? { found, at: c } : undefined
  }

  private panelControl(name: 'next' | 'fast-forward'): HTMLElement | undefined {
    return this.host.document.querySelector<HTMLElement>(`[${STORY_PANEL_ATTRIBUTE}] [data-story-control="${name}"]`) ?? undefined
  }

  /** Marks what to press now: a control of the screen, or the panel's Fast-forward or Next. */
  private tick(): void {
    if (this.state.phase !== 'running') return this.mark(undefined)
    const { index, frontier, done } = this.state
    const step = this.step
    // A step the user just did moves on by itself in a moment: nothing to press meanwhile.
    if (done[index] && index === frontier && step.targets.length > 0) return this.mark(undefined)
    if (index < frontier || done[index]) return this.mark(this.panelControl('next'))
    if (this.state.busy) return this.mark(undefined)
    if (step.targets.length > 0) {
      // Play marks what it presses itself.
      if (this.state.playing) return
      const resolved = this.resolve()
      this.mark(resolved?.found.element)
      const href = this.screenHref(step.screen)
      this.set({ onScreen: resolved !== undefined || href === undefined || this.path === href })
      return
    }
    if (step.fastForward) return this.mark(this.panelControl('fast-forward'))
    this.mark(undefined)
  }

  private mark(element: HTMLElement | undefined): void {
    if (element === this.marked && element?.getAttribute('data-story-target') === 'current') return
    this.marked = element
    markCurrent(this.host.document, element)
  }

  /** A press on the marked control moves the story to the step's next control. */
  private pressed(event: Event): void {
    const el = this.marked
    const targetNode = event.target instanceof Node ? event.target : null
    if (!el || !targetNode || !el.contains(targetNode) || el.closest(`[${STORY_PANEL_ATTRIBUTE}]`)) return
    const target = this.step.targets[this.cursor]
    if (!target || !isPress(target)) return
    this.cursor += 1
    this.graceUntil = Date.now() + GRACE_MS
    this.marked = undefined
    markCurrent(this.host.document, undefined)
  }

  /** Fast-forwards the shown step's wait and tells what was skipped. */
  async fastForward(): Promise<void> {
    const ff = this.step.fastForward
    const index = this.state.index
    if (!ff || !this.ctx || this.state.busy || this.state.done[index]) return
    const run = this.run
    this.set({ busy: 'Fast-forwarding the virtual clock…' })
    try {
      const skipped = await fastForward(this.ctx, ff)
      if (run !== this.run) return
      const all = [...this.state.skipped]
      all[index] = describeSkipped(skipped)
      this.set({ skipped: all, busy: undefined })
      await this.host.queryClient.invalidateQueries()
      if (!this.step.done) this.markDone(index)
      else await this.check()
    } catch (error) {
      if (run === this.run) this.set({ busy: undefined, problem: messageOf(error) })
    }
  }

  next(): void {
    const { index, done, story } = this.state
    if (!done[index] || this.state.phase !== 'running') return
    if (index === story.steps.length - 1) return this.complete()
    void this.enter(index + 1)
  }

  back(): void {
    if (this.state.index === 0 || this.state.phase !== 'running') return
    this.pause()
    const index = this.state.index - 1
    this.set({ index })
    this.goToScreen()
  }

  private complete(): void {
    this.pause()
    this.restoreRole()
    this.set({ phase: 'complete', busy: undefined })
    this.mark(undefined)
  }

  private restoreRole(): void {
    const own = this.state.ownRole
    if (own && this.host.roles.get() !== own) {
      this.host.roles.set(own)
      void this.host.queryClient.resetQueries()
    }
  }

  /** Ends the story: no marks, no listeners, no injected fault left, the user's own role back. */
  exit(): void {
    const wasRunning = this.state.phase === 'running' || this.state.phase === 'starting'
    this.run++
    this.play++
    this.stopWatching()
    if (wasRunning && this.state.story.steps.some((s) => s.inject)) void clearFaults().catch(() => undefined)
    this.restoreRole()
    this.set({ phase: 'closed', playing: false, busy: undefined })
  }

  playAgain(): void {
    this.options = { ...this.options, autoplay: true }
    void this.start()
  }

  pause(): void {
    this.play++
    if (this.state.playing) this.set({ playing: false })
  }

  startPlaying(): void {
    if (this.state.phase !== 'running') return
    const play = ++this.play
    this.set({ playing: true })
    void this.autoplay(play).catch((error: unknown) => {
      if (play === this.play) {
        this.pause()
        this.set({ problem: messageOf(error) })
      }
    })
  }

  private playing(play: number): boolean {
    return play === this.play && this.state.phase === 'running'
  }

  /** Play: every remaining step, performed through the screens at a readable pace. */
  private async autoplay(play: number): Promise<void> {
    // A step shown with Back is only re-read: Play goes on from the live step.
    if (this.state.index < this.state.frontier) {
      await this.enter(this.state.frontier)
    }
    while (this.playing(play)) {
      const index = this.state.index
      const step = this.step
      await this.sleep(readMs(step.narration))
      while (this.playing(play) && !this.state.done[index]) {
        if (this.cursor < step.targets.length) {
          if (!(await this.playTarget(play))) break
          continue
        }
        if (step.fastForward && this.state.skipped[index] === undefined) {
          this.mark(this.panelControl('fast-forward'))
          await this.sleep(BEAT_MS)
          if (!this.playing(play)) return
          await this.fastForward()
          if (this.state.problem) throw new Error(this.state.problem)
          continue
        }
        await this.waitFor(
          play,
          () => this.state.done[index] === true,
          DONE_TIMEOUT_MS,
          step.targets.length > 0 ? 'the step to complete; the screen may say what is missing' : `"${step.id}" to complete`,
        )
      }
      if (!this.playing(play)) return
      if (this.state.skipped[index]) await this.sleep(SKIP_DWELL_MS)
      else await this.sleep(BEAT_MS / 2)
      if (!this.playing(play)) return
      if (this.state.index === index) this.next()
      else await this.waitFor(play, () => this.state.index !== index, 5_000, 'the next step')
    }
  }

  /** Finds the step's next control, shows it, and operates it. False once the step is done. */
  private async playTarget(play: number): Promise<boolean> {
    const index = this.state.index
    const next = this.step.targets[this.cursor]
    if (next && isSee(next)) return this.playSee(play, next)
    let resolved: ReturnType<StoryRunner['resolve']>
    await this.waitFor(
      play,
      () => {
        if (this.state.done[index]) return true
        resolved = this.resolve()
        return resolved !== undefined && !resolved.found.satisfied
      },
      this.options.findTimeoutMs ?? FIND_TIMEOUT_MS,
      describeNext(this.step, this.cursor),
    )
    if (!this.playing(play) || this.state.done[index] || !resolved) return false
    const { found, at } = resolved
    this.mark(found.element)
    await this.sleep(BEAT_MS)
    if (!this.playing(play) || this.state.done[index]) return false
    const target = this.step.targets[at] as StoryStep['targets'][number]
    await perform(found.element, target, this.sleep, KEY_MS)
    if (isPress(target)) {
      this.cursor = at + 1
      this.graceUntil = Date.now() + GRACE_MS
    }
    await this.sleep(isPick(target) ? BEAT_MS / 3 : BEAT_MS / 2)
    return true
  }

  /** Waits for what the step shows, marks it and gives the audience time to read it. */
  private async playSee(play: number, target: Target): Promise<boolean> {
    const index = this.state.index
    let found: Found | undefined
    await this.waitFor(
      play,
      () => this.state.done[index] === true || (found = findTarget(this.host.document, target)) !== undefined,
      this.options.findTimeoutMs ?? FIND_TIMEOUT_MS,
      describeNext(this.step, this.cursor),
    )
    if (!this.playing(play) || this.state.done[index] || !found) return false
    this.mark(found.element)
    await this.sleep(readMs(found.element.textContent ?? ''))
    this.cursor += 1
    return true
  }

  private async waitFor(play: number, ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const until = Date.now() + timeoutMs
    while (this.playing(play) && !ready()) {
      if (Date.now() > until) throw new Error(`Play stopped: waited too long for ${what}.`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

function describeNext(step: StoryStep, cursor: number): string {
  const t = step.targets[cursor]
  if (!t) return 'the next control'
  return isPick(t) ? `the ${t.name} picker` : `${t.name}`
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
