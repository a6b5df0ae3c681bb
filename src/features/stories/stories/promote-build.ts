import type { Story } from '../story-model'

const STAGE = 'Stage Only pipeline'
const PROD = 'Prod Only Pipeline'
const COUPLED = 'Production Pipeline'

/**
 * Seed 000 and spec §E.7: a stage-only run, its tests, a newer build shipped meanwhile by the
 * coupled pipeline, Promote Build with its rollback warning, and the production only run it starts.
 */
export const promoteBuild: Story = {
  id: 'promote-build',
  title: 'Split deployment and Promote Build',
  summary:
    'Build and test on stage with a stage-only pipeline, then promote that exact build to production, warned that it is older than what production runs.',
  duration: 'about 1 minute',
  scenario: 'split-pipelines',
  program: 'Split Program',
  steps: [
    {
      id: 'intro',
      narration:
        'The story has reset the simulator to the split-pipelines scenario. Split Program deploys with two pipelines: a stage-only pipeline that builds and tests on stage, and a production only pipeline that ships a tested build.',
      screen: { page: 'pipelines' },
      targets: [],
    },
    {
      id: 'run-stage-only',
      narration: `Start the stage-only pipeline: open the actions of ${STAGE} and choose Run.`,
      screen: { page: 'pipelines' },
      targets: [
        { press: 'button', name: `Actions for ${STAGE}` },
        { press: 'menuitem', name: 'Run' },
      ],
      done: { execution: { pipeline: STAGE }, save: 'stage' },
    },
    {
      id: 'stage-tests',
      narration:
        'The build, code scanning, the deployment to stage and the tests on stage take the better part of an hour; the story fast-forwards the virtual clock through them.',
      screen: { page: 'execution', execution: 'stage' },
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'stage' }, status: ['FINISHED'] },
    },
    {
      id: 'meanwhile',
      narration: `Meanwhile, a Deployment Manager on the team still ships with the coupled ${COUPLED}. Press Fast-forward: the story runs it for them through the API (build, stage, their approval, production), so production now runs a build newer than the stage-only one.`,
      screen: { page: 'pipelines' },
      targets: [],
      fastForward: { until: 'teammate-run', pipeline: COUPLED, as: 'deployment-manager' },
      done: { execution: { pipeline: COUPLED }, status: ['FINISHED'], save: 'coupled' },
    },
    {
      id: 'promote',
      narration:
        'Every test passed on stage, so this build can go to production. Press Promote Build: the dialog compares it with what production runs now and warns that promoting this older build would roll production back. Read the warning, then Run.',
      screen: { page: 'execution', execution: 'stage' },
      targets: [
        { press: 'button', name: 'Promote Build' },
        { see: 'heading', name: 'Possible code rollback', in: 'dialog' },
        { press: 'button', name: 'Run', in: 'dialog' },
      ],
      done: { execution: { pipeline: PROD }, save: 'prod' },
    },
    {
      id: 'artifact-preparation',
      narration:
        'The production only run builds nothing: its Artifact Preparation step reuses the artifacts of the stage-only execution, and names it. The story fast-forwards the deployment to production.',
      screen: { page: 'execution', execution: 'prod' },
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'prod' }, status: ['FINISHED'] },
    },
  ],
}
