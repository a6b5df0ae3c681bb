/**
 * The engine's working context: the state plus the clock, the random source and lookup
 * indexes over the state's arrays. Rule modules are functions of this context.
 */
import { VirtualClock } from './clock'
import { notFound } from './errors'
import type { EngineEvent, EngineState, Environment, Execution, Pipeline, Program, Repository, TimerPayload } from './model'
import { Random } from './random'

export class EngineContext {
  readonly clock: VirtualClock<TimerPayload>
  readonly random: Random
  private programsById = new Map<string, Program>()
  private environmentsById = new Map<string, Environment>()
  private repositoriesById = new Map<string, Repository>()
  private pipelinesById = new Map<string, Pipeline>()
  private executionsById = new Map<string, Execution>()

  constructor(readonly state: EngineState) {
    this.clock = new VirtualClock(state.clock)
    this.random = new Random(state.random)
    this.reindex()
  }

  get now(): number {
    return this.clock.now
  }

  /** Rebuilds the lookup maps; call after removing entities from the state arrays. */
  reindex(): void {
    this.programsById = new Map(this.state.programs.map((p) => [p.id, p]))
    this.environmentsById = new Map(this.state.environments.map((e) => [e.id, e]))
    this.repositoriesById = new Map(this.state.repositories.map((r) => [r.id, r]))
    this.pipelinesById = new Map(this.state.pipelines.map((p) => [p.id, p]))
    this.executionsById = new Map(this.state.executions.map((e) => [e.id, e]))
  }

  newId(): string {
    return String(this.state.nextId++)
  }

  touch(): void {
    this.state.revision++
  }

  program(id: string): Program {
    return this.programsById.get(id) ?? throwNotFound('Program', id)
  }

  findProgram(id: string): Program | undefined {
    return this.programsById.get(id)
  }

  environment(programId: string, id: string): Environment {
    const env = this.environmentsById.get(id)
    if (!env || env.programId !== programId) throw notFound('Environment', id)
    return env
  }

  findEnvironment(id: string): Environment | undefined {
    return this.environmentsById.get(id)
  }

  repository(programId: string, id: string): Repository {
    const repo = this.repositoriesById.get(id)
    if (!repo || repo.programId !== programId) throw notFound('Repository', id)
    return repo
  }

  findRepository(id: string): Repository | undefined {
    return this.repositoriesById.get(id)
  }

  pipeline(programId: string, id: string): Pipeline {
    const pipeline = this.pipelinesById.get(id)
    if (!pipeline || pipeline.programId !== programId) throw notFound('Pipeline', id)
    return pipeline
  }

  findPipeline(id: string): Pipeline | undefined {
    return this.pipelinesById.get(id)
  }

  execution(programId: string, pipelineId: string, id: string): Execution {
    const execution = this.executionsById.get(id)
    if (!execution || execution.programId !== programId || execution.pipelineId !== pipelineId) {
      throw notFound('Execution', id)
    }
    return execution
  }

  findExecution(id: string): Execution | undefined {
    return this.executionsById.get(id)
  }

  environmentsOf(programId: string): Environment[] {
    return this.state.environments.filter((e) => e.programId === programId)
  }

  repositoriesOf(programId: string): Repository[] {
    return this.state.repositories.filter((r) => r.programId === programId)
  }

  pipelinesOf(programId: string): Pipeline[] {
    return this.state.pipelines.filter((p) => p.programId === programId)
  }

  addProgram(program: Program): Program {
    this.state.programs.push(program)
    this.programsById.set(program.id, program)
    return program
  }

  addEnvironment(environment: Environment): Environment {
    this.state.environments.push(environment)
    this.environmentsById.set(environment.id, environment)
    return environment
  }

  addRepository(repository: Repository): Repository {
    this.state.repositories.push(repository)
    this.repositoriesById.set(repository.id, repository)
    return repository
  }

  addPipeline(pipeline: Pipeline): Pipeline {
    this.state.pipelines.push(pipeline)
    this.pipelinesById.set(pipeline.id, pipeline)
    return pipeline
  }

  addExecution(execution: Execution): Execution {
    this.state.executions.push(execution)
    this.executionsById.set(execution.id, execution)
    return execution
  }

  emit(event: Omit<EngineEvent, 'id' | 'at'>): void {
    const events = this.state.events
    events.push({ id: this.newId(), at: this.now, ...event })
    // Keep the notification feed bounded; older events are history, not news.
    // (shift, not splice: V8 trims the front in O(1), which keeps step transitions fast.)
    while (events.length > 500) events.shift()
  }
}

function throwNotFound(what: string, id: string): never {
  throw notFound(what, id)
}
