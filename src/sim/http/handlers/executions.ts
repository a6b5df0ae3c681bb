/**
 * Pipeline executions (spec §H.3 rows 10–19 and the simulator's promotable list, row 27):
 * start, current, history, step states, advance/cancel, logs, metrics and artifacts.
 */
import { http, HttpResponse } from 'msw'
import type { Redirect } from '../../../contract/executions'
import type { ExperienceAuditResults } from '../../../contract/experience-audit'
import { auditPages, slowestPages } from '../../../engine/audit-pages'
import { DomainError, invalid, notFound } from '../../../engine/errors'
import {
  type AdvanceDecision,
  advanceStep,
  type CancelDecision,
  cancelStep,
  promotableExecutions,
  reExecute,
  startExecution,
  stepIndexOf,
} from '../../../engine/executions'
import { stepLog } from '../../../engine/logs'
import { scanIssues } from '../../../engine/scan-issues'
import type { Engine } from '../../../engine/engine'
import type { Execution, StepState } from '../../../engine/model'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { toProblem } from '../problem'
import {
  artifactList,
  artifactsOf,
  execution,
  executionList,
  promotableList,
  stepPath,
  stepState,
} from '../representations/executions'
import { paths } from '../representations/links'
import { scanIssuesCsv } from '../representations/scan-issues-csv'
import { apiRoute, readJson } from '../route'
import { applyTransportFaults } from '../transport-faults'

type PL = { programId: string; pipelineId: string }
type EX = PL & { executionId: string }
type ST = EX & { phaseId: string; stepId: string }

const BASE = '/api/program/:programId/pipeline/:pipelineId'
const STEP = `${BASE}/execution/:executionId/phase/:phaseId/step/:stepId`

function isObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
}

/** Reads an advance body into the engine's decision; the ISO schedule becomes virtual ms here. */
export async function advanceDecision(body: unknown): Promise<AdvanceDecision> {
  if (!isObject(body)) throw invalid('The request body must be a JSON object.')
  if ('metrics' in body) {
    const parsed = await parseBody('metricsOverrideBody', body)
    return { kind: 'override', kpis: parsed.metrics.filter((m) => m.override).map((m) => m.kpi) }
  }
  if ('approved' in body) {
    if (!(await parseBody('approvalBody', body)).approved)
      throw invalid('Reject an approval through the cancel link with {"approved": false}.')
    return { kind: 'approve' }
  }
  if ('type' in body) {
    const parsed = await parseBody('scheduleBody', body)
    if (parsed.type === 'IMMEDIATE') return { kind: 'schedule' }
    return { kind: 'schedule', at: Date.parse(parsed.schedule as string) }
  }
  if ('start' in body) {
    if (!(await parseBody('managedStartBody', body)).start)
      throw invalid('Reject CSE Support through the cancel link with {"start": false}.')
    return { kind: 'start' }
  }
  // [AMS] A paused deploy: both Resume and Stop go through advance (spec §D.8).
  if ('resume' in body) return { kind: 'resume', resume: (await parseBody('resumeBody', body)).resume }
  throw invalid(
    'Send {"metrics": [...]} to override, {"approved": true} to approve, {"type": "IMMEDIATE" | "SCHEDULED", ...} to schedule, {"start": true} to start CSE Support, or {"resume": true | false} to resume or stop a paused deploy.',
  )
}

export async function cancelDecision(body: unknown): Promise<CancelDecision> {
  if (!isObject(body)) throw invalid('The request body must be a JSON object.')
  await parseBody('cancelBody', body)
  if (body.override === false) return { kind: 'reject-metrics' }
  if (body.approved === false) return { kind: 'reject-approval' }
  if (body.start === false) return { kind: 'reject-managed' }
  return { kind: 'cancel' }
}

function findStep(engine: Engine, p: ST): { execution: Execution; step: StepState } {
  const e = engine.ctx.execution(p.programId, p.pipelineId, p.executionId)
  return { execution: e, step: e.steps[stepIndexOf(e, p.phaseId, p.stepId)] as StepState }
}

function nonNegativeInt(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw invalid(`Query parameter ${name} must be a whole number from 0 to ${max}.`, [
      { field: name, message: 'Out of range.', invalidValue: raw },
    ])
  }
  return n
}

function redirectTo(request: Request, url: URL, target: string): Response {
  const absolute = `${url.origin}${target}`
  if ((request.headers.get('Accept') ?? '').includes('application/json'))
    return HttpResponse.json<Redirect>({ redirect: absolute })
  return new HttpResponse(null, { status: 307, headers: { Location: absolute } })
}

function artifactContent(engine: Engine, e: Execution, step: StepState, artifactId: string): { body: string; type: string } {
  const artifact = artifactsOf(e, step).find((a) => a.id === artifactId)
  if (!artifact) throw notFound('Artifact', artifactId)
  if (artifact.type === 'LOG_FILE') return { body: stepLog(engine.ctx, e, step) ?? '', type: 'text/plain; charset=utf-8' }
  if (artifact.type === 'SCAN_ISSUES')
    return { body: scanIssuesCsv(scanIssues(engine.ctx, e, step)), type: 'text/csv; charset=utf-8' }
  return { body: JSON.stringify(experienceAuditResults(engine, e, step), null, 2), type: 'application/json' }
}

function experienceAuditResults(engine: Engine, e: Execution, step: StepState): ExperienceAuditResults {
  const pipeline = engine.ctx.findPipeline(e.pipelineId)
  const pages = pipeline ? auditPages(engine.ctx, pipeline, e, step) : []
  return {
    metrics: step.metrics ?? [],
    pages,
    slowestPages: { mobile: slowestPages(pages, 'mobile'), desktop: slowestPages(pages, 'desktop') },
  }
}

/**
 * Downloads are fetched like signed URLs: no Authorization header. Their text (logs name
 * user-supplied branches and pipelines) is never to be sniffed into markup.
 */
function download(runtime: SimRuntime, resolve: (engine: Engine, params: ST & { artifactId?: string }) => Response) {
  return async ({ params, request }: { params: ST & { artifactId?: string }; request: Request }) => {
    const fault = await applyTransportFaults(runtime, request)
    if (fault) return fault
    try {
      runtime.sync()
      const response = resolve(runtime.engine, params)
      response.headers.set('X-Content-Type-Options', 'nosniff')
      return response
    } catch (error) {
      return toProblem(error, 'download')
    }
  }
}

export function executionHandlers(runtime: SimRuntime) {
  return [
    http.get<PL>(
      `${BASE}/execution`,
      apiRoute<PL>(runtime, 'getCurrentExecution', ({ engine, actor, params }) => {
        const pipeline = engine.pipeline(params.programId, params.pipelineId)
        const current = pipeline.currentExecutionId ? engine.ctx.findExecution(pipeline.currentExecutionId) : undefined
        if (!current) throw new DomainError('not-found', `"${pipeline.name}" has no running execution.`)
        return HttpResponse.json(execution(engine, actor, current))
      }),
    ),
    http.put<PL>(
      `${BASE}/execution`,
      apiRoute<PL>(runtime, 'startPipeline', ({ engine, actor, params, url }) => {
        const mode = url.searchParams.get('pipelineExecutionMode') ?? 'NORMAL'
        if (mode !== 'NORMAL' && mode !== 'EMERGENCY') {
          throw invalid('pipelineExecutionMode must be NORMAL or EMERGENCY.', [
            { field: 'pipelineExecutionMode', message: 'Unknown mode.', invalidValue: mode },
          ])
        }
        const stepId = url.searchParams.get('stepId')
        const sourceExecutionId = url.searchParams.get('sourceExecutionId')
        if (stepId !== null && sourceExecutionId !== null)
          throw invalid('Send either stepId (re-execute) or sourceExecutionId (promote), not both.')
        const started = engine.mutate(() =>
          stepId !== null
            ? reExecute(engine.ctx, actor, params.programId, params.pipelineId, stepId)
            : startExecution(engine.ctx, actor, params.programId, params.pipelineId, {
                mode,
                ...(sourceExecutionId !== null ? { sourceExecutionId } : {}),
              }),
        )
        return HttpResponse.json(execution(engine, actor, started), {
          status: 201,
          headers: { Location: paths.executionById(started.programId, started.pipelineId, started.id) },
        })
      }),
    ),
    http.get<EX>(
      `${BASE}/execution/:executionId`,
      apiRoute<EX>(runtime, 'getExecution', ({ engine, actor, params }) =>
        HttpResponse.json(
          execution(engine, actor, engine.ctx.execution(params.programId, params.pipelineId, params.executionId)),
        ),
      ),
    ),
    http.get<PL>(
      `${BASE}/executions`,
      apiRoute<PL>(runtime, 'getExecutions', ({ engine, actor, params, url }) => {
        const pipeline = engine.pipeline(params.programId, params.pipelineId)
        const start = nonNegativeInt(url, 'start', 0, 1_000_000)
        const limit = Math.max(1, nonNegativeInt(url, 'limit', 20, 100))
        const newestFirst: Execution[] = []
        for (let i = pipeline.executionIds.length - 1; i >= 0; i--) {
          const e = engine.ctx.findExecution(pipeline.executionIds[i] as string)
          if (e) newestFirst.push(e)
        }
        return HttpResponse.json(executionList(engine, actor, params.programId, params.pipelineId, newestFirst, start, limit))
      }),
    ),
    http.get<PL>(
      `${BASE}/promotableExecutions`,
      apiRoute<PL>(runtime, 'getPromotableExecutions', ({ engine, params }) => {
        const pipeline = engine.pipeline(params.programId, params.pipelineId)
        if (pipeline.category !== 'prodOnly') throw notFound('Production only pipeline', pipeline.id)
        return HttpResponse.json(
          promotableList(engine, params.programId, pipeline.id, promotableExecutions(engine.ctx, params.programId)),
        )
      }),
    ),
    http.get<ST>(
      STEP,
      apiRoute<ST>(runtime, 'getStepState', ({ engine, actor, params }) => {
        const { execution: e, step } = findStep(engine, params)
        return HttpResponse.json(stepState(engine, actor, e, step))
      }),
    ),
    http.put<ST>(
      `${STEP}/advance`,
      apiRoute<ST>(runtime, 'advancePipelineExecution', async ({ engine, actor, params, request }) => {
        findStep(engine, params)
        const read = await readJson(request)
        if (!read.ok) return read.response
        const decision = await advanceDecision(read.body)
        engine.mutate(() => advanceStep(engine.ctx, actor, params, decision, read.body as Record<string, unknown>))
        return new HttpResponse(null, { status: 202 })
      }),
    ),
    http.put<ST>(
      `${STEP}/cancel`,
      apiRoute<ST>(runtime, 'cancelPipelineExecutionStep', async ({ engine, actor, params, request }) => {
        findStep(engine, params)
        const read = await readJson(request)
        if (!read.ok) return read.response
        const decision = await cancelDecision(read.body)
        engine.mutate(() => cancelStep(engine.ctx, actor, params, decision, read.body as Record<string, unknown>))
        return new HttpResponse(null, { status: 202 })
      }),
    ),
    http.get<ST>(
      `${STEP}/logs`,
      apiRoute<ST>(runtime, 'getStepLogs', ({ engine, params, request, url }) => {
        const { execution: e, step } = findStep(engine, params)
        if (stepLog(engine.ctx, e, step) === undefined)
          throw new DomainError('not-found', `${step.action} step ${step.stepId} has no log yet.`)
        const file = url.searchParams.get('file')
        return redirectTo(request, url, `${stepPath(e, step)}/logs/download${file ? `?file=${encodeURIComponent(file)}` : ''}`)
      }),
    ),
    http.get<ST>(
      `${STEP}/logs/download`,
      download(runtime, (engine, params) => {
        const { execution: e, step } = findStep(engine, params)
        const text = stepLog(engine.ctx, e, step)
        if (text === undefined) throw new DomainError('not-found', `${step.action} step ${step.stepId} has no log yet.`)
        return new HttpResponse(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      }),
    ),
    http.get<ST>(
      `${STEP}/metrics`,
      apiRoute<ST>(runtime, 'getStepMetrics', ({ engine, params }) =>
        HttpResponse.json({ metrics: findStep(engine, params).step.metrics ?? [] }),
      ),
    ),
    http.get<ST>(
      `${STEP}/artifacts`,
      apiRoute<ST>(runtime, 'getStepArtifacts', ({ engine, params }) => {
        const { execution: e, step } = findStep(engine, params)
        return HttpResponse.json(artifactList(e, step))
      }),
    ),
    http.get<ST & { artifactId: string }>(
      `${STEP}/artifact/:artifactId`,
      apiRoute<ST & { artifactId: string }>(runtime, 'getStepArtifact', ({ engine, params, request, url }) => {
        const { execution: e, step } = findStep(engine, params)
        artifactContent(engine, e, step, params.artifactId)
        return redirectTo(request, url, `${stepPath(e, step)}/artifact/${params.artifactId}/download`)
      }),
    ),
    http.get<ST & { artifactId: string }>(
      `${STEP}/artifact/:artifactId/download`,
      download(runtime, (engine, params) => {
        const { execution: e, step } = findStep(engine, params)
        const content = artifactContent(engine, e, step, params.artifactId ?? '')
        return new HttpResponse(content.body, { headers: { 'Content-Type': content.type } })
      }),
    ),
  ]
}
