/**
 * The simulator runtime: one engine plus the real-time driver that moves its virtual clock.
 * Virtual time runs at `speed` virtual ms per real ms unless paused; it is brought up to date
 * lazily, whenever someone looks (`sync`), and by an optional ticker in the browser.
 */
import { Engine } from '../engine/engine'
import type { EngineState } from '../engine/model'
import type { ScenarioName } from '../engine/scenarios/index'

export const DEMO_SPEED = 60

export interface ClockSettings {
  speed: number
  paused: boolean
}

export interface RuntimeOptions extends Partial<ClockSettings> {
  /** Real time in ms (performance.now in a browser); injected so tests control it. */
  realNow: () => number
  scenario?: ScenarioName
  seed?: number
  state?: EngineState
}

export type RuntimeListener = (engine: Engine) => void

export class SimRuntime {
  private current: Engine
  private settings: ClockSettings
  private anchorReal: number
  private anchorVirtual: number
  private readonly listeners = new Set<RuntimeListener>()
  private readonly clockListeners = new Set<(clock: ClockSettings) => void>()
  private unsubscribe: () => void = () => {}

  constructor(private readonly options: RuntimeOptions) {
    this.settings = { speed: options.speed ?? DEMO_SPEED, paused: options.paused ?? false }
    this.current = options.state ? new Engine(options.state) : Engine.create(options.scenario, options.seed)
    this.anchorReal = options.realNow()
    this.anchorVirtual = this.current.now
    this.watch()
  }

  get engine(): Engine {
    return this.current
  }

  get clock(): ClockSettings {
    return { ...this.settings }
  }

  /** Called after every change, and when the engine is replaced. */
  onChange(listener: RuntimeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called when the clock's speed or pause changes. */
  onClockChange(listener: (clock: ClockSettings) => void): () => void {
    this.clockListeners.add(listener)
    return () => this.clockListeners.delete(listener)
  }

  /** Brings virtual time up to the present. */
  sync(): void {
    if (this.settings.paused || this.settings.speed <= 0) return
    const target = this.anchorVirtual + (this.options.realNow() - this.anchorReal) * this.settings.speed
    if (target > this.current.now) this.current.advanceTo(Math.floor(target))
  }

  /** Jumps virtual time forward by `ms`, running everything due on the way. */
  advance(ms: number): void {
    this.sync()
    this.current.advanceBy(ms)
    this.reanchor()
  }

  setClock(change: Partial<ClockSettings>): void {
    this.sync()
    this.settings = { ...this.settings, ...change }
    this.reanchor()
    for (const l of this.clockListeners) l(this.clock)
  }

  reset(scenario: ScenarioName, seed?: number): void {
    this.replace(Engine.create(scenario, seed))
  }

  /** Replaces the whole state; rejects with `InvalidStateError` and changes nothing if it is not valid. */
  async importState(raw: unknown): Promise<void> {
    // The state schemas (and zod) load on the first import: a start that imports nothing never needs them.
    const { parseState } = await import('../engine/snapshot')
    this.replace(new Engine(parseState(raw)))
  }

  private replace(engine: Engine): void {
    this.unsubscribe()
    this.current = engine
    this.reanchor()
    this.watch()
    this.notify()
  }

  private reanchor(): void {
    this.anchorReal = this.options.realNow()
    this.anchorVirtual = this.current.now
  }

  private watch(): void {
    this.unsubscribe = this.current.subscribe(() => this.notify())
  }

  private notify(): void {
    for (const l of this.listeners) l(this.current)
  }
}
