import type { Story } from '../story-model'

const PIPELINE = 'Production Pipeline'

/** Seed 002: a production deployment fails for a transient reason; Re-execute runs only its last part again. */
export const reExecute: Story = {
  id: 're-execute',
  title: 'Re-execute after a transient failure',
  summary: 'A production deployment fails for a passing reason; Re-execute deploys the same build again in three steps.',
  duration: 'about 1 minute',
  scenario: 'coupled-pipeline',
  program: 'Fresh Program',
  steps: [
    {
      id: 'intro',
      narration:
        'The story has reset the simulator to the coupled-pipeline scenario, and injected a fault through the simulator: the next Deploy to Production of Production Pipeline fails, as a passing infrastructure problem would make it.',
      screen: { page: 'overview' },
      inject: { pipeline: PIPELINE, action: 'deploy', environmentType: 'prod', status: 'FAILED' },
      targets: [],
    },
    {
      id: 'deploy',
      narration: 'Start a production run: press Deploy, then Build.',
      screen: { page: 'overview' },
      targets: [
        { press: 'button', name: 'Deploy' },
        { press: 'button', name: 'Build', in: 'dialog' },
      ],
      done: { execution: { pipeline: PIPELINE }, save: 'first' },
    },
    {
      id: 'stage',
      narration:
        'The build, the deployment to stage and the tests on stage are fast-forwarded on the virtual clock, up to the approval before production.',
      screen: { page: 'execution', execution: 'first' },
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'first' }, step: { action: 'approval', status: ['WAITING'] } },
    },
    {
      id: 'approve',
      narration: 'Approve the deployment to production: press Approve, and Approve again to confirm.',
      screen: { page: 'execution', execution: 'first' },
      targets: [
        { press: 'button', name: 'Approve' },
        { press: 'button', name: 'Approve', in: 'dialog' },
      ],
      done: { execution: { saved: 'first' }, step: { action: 'approval', status: ['FINISHED'] } },
    },
    {
      id: 'fails',
      narration:
        'The story fast-forwards the deployment to production, which fails: that is the injected fault. The execution ends as Failed, after its production deployment step.',
      screen: { page: 'execution', execution: 'first' },
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'first' }, status: ['FAILED'] },
    },
    {
      id: 're-execute',
      narration:
        'Because the production deployment step has completed, even unsuccessfully, it can be re-executed: press Re-execute beside Download build log, then confirm.',
      screen: { page: 'execution', execution: 'first' },
      targets: [
        { press: 'button', name: 'Re-execute' },
        { press: 'button', name: 'Re-execute', in: 'dialog' },
      ],
      done: { execution: { pipeline: PIPELINE, trigger: 'RE_EXECUTE' }, save: 'again' },
    },
    {
      id: 'three-steps',
      narration:
        'The re-execution has three steps: Validation, a Build step that copies the artifacts instead of building, and the deployment to production. The story fast-forwards it.',
      screen: { page: 'execution', execution: 'again' },
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'again' }, status: ['FINISHED'] },
    },
    {
      id: 'older-run',
      narration:
        'Back on the failed execution, Re-execute is no longer offered: only the last execution of a pipeline can be re-executed, and the button says why.',
      screen: { page: 'execution', execution: 'first' },
      targets: [],
    },
  ],
}
