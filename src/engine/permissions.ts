/**
 * Which role may do what, after the Cloud Manager permissions table (permissions.json).
 * Reading is open to every role; each write operation lists the roles allowed to call it.
 */
import { ALLOWED, forbidden, refuse, type Verdict } from './errors'
import type { Actor, Role } from './model'

export type Operation =
  | 'createPipeline'
  | 'patchPipeline'
  | 'deletePipeline'
  | 'invalidateCache'
  | 'startPipeline'
  | 'advancePipelineExecution'
  | 'cancelPipelineExecutionStep'
  | 'getPipelineVariables'
  | 'patchPipelineVariables'
  | 'patchEnvironmentVariables'
  | 'createEnvironment'
  | 'deleteEnvironment'
  | 'requestAdditionalStage'
  | 'getEnvironmentLogs'
  | 'toggleFavorite'
  | 'modifyPipelineApproval'
  | 'modifyPipelineManagedDeployment'
  | 'setEmergencyMode'

const BO: Role = 'business-owner'
const DM: Role = 'deployment-manager'
const PM: Role = 'program-manager'
const DEV: Role = 'developer'
const CSE: Role = 'cse'

export const OPERATION_ROLES: Readonly<Record<Operation, readonly Role[]>> = {
  createPipeline: [DM],
  patchPipeline: [DM],
  deletePipeline: [DM],
  invalidateCache: [DM],
  startPipeline: [BO, DM, PM],
  // A Customer Success Engineer decides CSE Support and schedules production deploys only (AMS);
  // the execution rules check which step each role may decide.
  advancePipelineExecution: [BO, DM, PM, CSE],
  // Program Managers may cancel WAITING steps only; the execution rules check that part.
  cancelPipelineExecutionStep: [BO, DM, PM, CSE],
  getPipelineVariables: [BO, DM, PM, DEV],
  patchPipelineVariables: [DM],
  patchEnvironmentVariables: [DM],
  createEnvironment: [BO, DM],
  deleteEnvironment: [BO, DM],
  requestAdditionalStage: [BO],
  getEnvironmentLogs: [DM, DEV],
  toggleFavorite: [BO, DM, PM, DEV],
  // AMS role table (spec §G.2): "Pipeline Modify Approval" and "Pipeline Modify Managed Deployment".
  modifyPipelineApproval: [DM],
  modifyPipelineManagedDeployment: [DM],
  // [AMS] Spec §D.11: "Emergency mode is enabled per program by a CSE (program flag)".
  setEmergencyMode: [CSE],
}

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  'business-owner': 'Business Owner',
  'deployment-manager': 'Deployment Manager',
  'program-manager': 'Program Manager',
  developer: 'Developer',
  cse: 'Customer Success Engineer',
}

const OPERATION_WORDS: Readonly<Record<Operation, string>> = {
  createPipeline: 'add pipelines',
  patchPipeline: 'edit pipelines',
  deletePipeline: 'delete pipelines',
  invalidateCache: 'invalidate the build cache',
  startPipeline: 'start pipeline executions',
  advancePipelineExecution: 'approve, schedule or override steps',
  cancelPipelineExecutionStep: 'cancel or reject steps',
  getPipelineVariables: 'read pipeline variables',
  patchPipelineVariables: 'edit pipeline variables',
  patchEnvironmentVariables: 'edit environment variables',
  createEnvironment: 'add environments',
  deleteEnvironment: 'delete environments',
  requestAdditionalStage: 'request an additional staging environment',
  getEnvironmentLogs: 'download environment logs',
  toggleFavorite: 'mark favourites',
  modifyPipelineApproval: 'change approval options (Pipeline Modify Approval)',
  modifyPipelineManagedDeployment: 'change CSE oversight (Pipeline Modify Managed Deployment)',
  setEmergencyMode: 'turn Emergency Mode on or off',
}

export function hasRole(actor: Actor, allowed: readonly Role[]): boolean {
  return actor.roles.some((r) => allowed.includes(r))
}

export function permits(actor: Actor, operation: Operation): Verdict {
  const allowed = OPERATION_ROLES[operation]
  if (hasRole(actor, allowed)) return ALLOWED
  const who = allowed.map((r) => ROLE_NAMES[r]).join(', ')
  return refuse(forbidden(`You don't have permission to ${OPERATION_WORDS[operation]}: this needs ${who}.`))
}
