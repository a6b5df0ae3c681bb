/**
 * (sim) [AMS] The program's audit trail (spec §A.2): `GET /api/program/{programId}/audit`, newest
 * first, paged like the Activity list (`start`, `limit` 1–100, default 20, `next`/`prev` links),
 * filtered by `pipelineId` and `category` (PIPELINE, EXECUTION, GATE, VARIABLES; one or a
 * comma-separated list). Cloud Service programs keep none: `404`.
 */
import { http, HttpResponse } from 'msw'
import { AUDIT_CATEGORIES, type AuditEntry } from '../../../contract/audit'
import { REL } from '../../../contract/rels'
import { AUDIT_CATEGORY_OF, type AuditFilter, programAudit } from '../../../engine/audit'
import type { Engine } from '../../../engine/engine'
import type { AuditEvent } from '../../../engine/model'
import type { SimRuntime } from '../../runtime'
import { listOf, pageOf, pageQuery } from '../paging'
import { links, paths } from '../representations/links'
import { apiRoute, isoRequired } from '../route'

type P = { programId: string }

export const auditPath = (programId: string) => `/api/program/${programId}/audit`

function auditEntry(engine: Engine, a: AuditEvent): AuditEntry {
  const ctx = engine.ctx
  const pipeline = a.pipelineId ? ctx.findPipeline(a.pipelineId) : undefined
  const execution = a.executionId ? ctx.findExecution(a.executionId) : undefined
  const environment = a.environmentId ? ctx.findEnvironment(a.environmentId) : undefined
  return {
    id: a.id,
    createdAt: isoRequired(a.at),
    action: a.action,
    category: AUDIT_CATEGORY_OF[a.action],
    user: a.userId,
    roles: [...a.roles],
    ...(a.pipelineId ? { pipelineId: a.pipelineId } : {}),
    ...(a.pipelineName !== undefined ? { pipelineName: a.pipelineName } : {}),
    ...(a.executionId ? { executionId: a.executionId } : {}),
    ...(a.environmentId ? { environmentId: a.environmentId } : {}),
    ...(a.environmentName !== undefined ? { environmentName: a.environmentName } : {}),
    ...(a.stepAction ? { stepAction: a.stepAction } : {}),
    ...(a.detail !== undefined ? { detail: a.detail } : {}),
    // Links only to what still exists: an entry about a deleted pipeline keeps its name, not a dead link.
    _links: links([
      [REL.pipeline, pipeline ? paths.pipeline(pipeline.programId, pipeline.id) : '', pipeline !== undefined],
      [
        REL.execution,
        execution ? paths.executionById(execution.programId, execution.pipelineId, execution.id) : '',
        execution !== undefined,
      ],
      [REL.environment, environment ? paths.environment(environment.programId, environment.id) : '', environment !== undefined],
    ]),
  }
}

export function auditHandlers(runtime: SimRuntime) {
  return [
    http.get<P>(
      '/api/program/:programId/audit',
      apiRoute<P>(runtime, 'getProgramAudit', ({ engine, params, url }) => {
        const pipelineId = url.searchParams.get('pipelineId')
        const categories = listOf(url, 'category', AUDIT_CATEGORIES)
        const filter: AuditFilter = { ...(pipelineId ? { pipelineId } : {}), ...(categories ? { categories } : {}) }
        const page = pageQuery(url)
        const list = programAudit(engine.ctx, params.programId, filter)
        return HttpResponse.json(
          pageOf(
            auditPath(params.programId),
            'auditEvents',
            list,
            page,
            { pipelineId: filter.pipelineId, category: filter.categories?.join(',') },
            (a) => auditEntry(engine, a),
          ),
        )
      }),
    ),
  ]
}
