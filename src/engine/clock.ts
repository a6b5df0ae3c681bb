/**
 * A virtual clock: a deadline queue that is advanced deadline by deadline.
 *
 * Timers hold plain data (not closures) so the whole queue is part of the serialisable
 * engine state; whoever advances the clock supplies the function that fires them.
 * A timer scheduled while another fires is ordered by its own deadline and fires within
 * the same advance when that deadline is due.
 */

export interface Timer<P> {
  readonly id: number
  readonly at: number
  readonly seq: number
  readonly payload: P
}

export interface ClockState<P> {
  now: number
  nextSeq: number
  /** Binary min-heap ordered by (at, seq). */
  heap: Timer<P>[]
}

export class TimeTravelError extends Error {
  constructor(now: number, target: number) {
    super(`The clock cannot go back in time (now ${now}, asked for ${target}).`)
    this.name = 'TimeTravelError'
  }
}

export function createClockState<P>(now: number): ClockState<P> {
  return { now, nextSeq: 1, heap: [] }
}

export class VirtualClock<P> {
  constructor(readonly state: ClockState<P>) {}

  get now(): number {
    return this.state.now
  }

  get pending(): number {
    return this.state.heap.length
  }

  /** Schedules `payload` to fire at `at` (never earlier than now). Returns the timer id. */
  schedule(at: number, payload: P): number {
    const seq = this.state.nextSeq++
    const timer: Timer<P> = { id: seq, at: Math.max(at, this.state.now), seq, payload }
    const heap = this.state.heap
    heap.push(timer)
    siftUp(heap, heap.length - 1)
    return timer.id
  }

  /** Removes a timer; cancelling one that already fired or never existed does nothing. */
  cancel(id: number): void {
    const heap = this.state.heap
    const index = heap.findIndex((t) => t.id === id)
    if (index < 0) return
    const last = heap.pop() as Timer<P>
    if (index === heap.length) return
    heap[index] = last
    siftDown(heap, index)
    siftUp(heap, index)
  }

  /** The deadline of the earliest timer, if any. */
  nextDeadline(): number | undefined {
    return this.state.heap[0]?.at
  }

  /**
   * Moves time forward to `target`, firing every timer due on the way in deadline order,
   * with `now` set to each timer's own deadline while it fires. Returns how many fired.
   */
  advanceTo(target: number, fire: (payload: P, at: number) => void): number {
    if (target < this.state.now) throw new TimeTravelError(this.state.now, target)
    let fired = 0
    for (;;) {
      const head = this.state.heap[0]
      if (head === undefined || head.at > target) break
      popMin(this.state.heap)
      this.state.now = head.at
      fire(head.payload, head.at)
      fired++
    }
    this.state.now = target
    return fired
  }

  advanceBy(ms: number, fire: (payload: P, at: number) => void): number {
    return this.advanceTo(this.state.now + ms, fire)
  }
}

function compare<P>(a: Timer<P>, b: Timer<P>): number {
  return a.at - b.at || a.seq - b.seq
}

function siftUp<P>(heap: Timer<P>[], index: number): void {
  let i = index
  const item = heap[i] as Timer<P>
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = heap[parent] as Timer<P>
    if (compare(p, item) <= 0) break
    heap[i] = p
    i = parent
  }
  heap[i] = item
}

function siftDown<P>(heap: Timer<P>[], index: number): void {
  let i = index
  const item = heap[i] as Timer<P>
  const n = heap.length
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const child = r < n && compare(heap[r] as Timer<P>, heap[l] as Timer<P>) < 0 ? r : l
    if (compare(heap[child] as Timer<P>, item) >= 0) break
    heap[i] = heap[child] as Timer<P>
    i = child
  }
  heap[i] = item
}

function popMin<P>(heap: Timer<P>[]): Timer<P> | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (heap.length === 0 || last === undefined) return top
  heap[0] = last
  siftDown(heap, 0)
  return top
}
