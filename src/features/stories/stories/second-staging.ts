import type { Story } from '../story-model'

const NEW_STAGE = 'fresh-stage-2'
const NEW_PIPELINE = 'Second Stage Deploy'

/** Seed 001: a Business Owner requests a second staging environment; a stage-only pipeline then targets it. */
export const secondStaging: Story = {
  id: 'second-staging',
  title: 'A second staging environment',
  summary: 'Request a second staging environment, wait out its provisioning, then point a stage-only pipeline at it.',
  duration: 'about 1 minute 15 seconds',
  scenario: 'fresh-program',
  program: 'Fresh Program',
  creates: { environments: [NEW_STAGE], pipelines: [NEW_PIPELINE] },
  steps: [
    {
      id: 'intro',
      narration:
        'The story has reset the simulator to the fresh-program scenario: Fresh Program has one staging environment, fresh-stage. Some teams need a second one, for parallel testing or user acceptance tests.',
      screen: { page: 'environments' },
      targets: [],
    },
    {
      id: 'request',
      narration:
        'Only a Business Owner may request it, so the story switches you to the Business Owner role. Press Request Second Staging Environment, name it, and choose Integration as the branch whose code and database it starts from.',
      screen: { page: 'environments' },
      role: 'business-owner',
      targets: [
        { press: 'button', name: 'Request Second Staging Environment' },
        { fill: 'textbox', name: 'Name', value: NEW_STAGE, in: 'dialog' },
        { check: 'radio', name: 'Integration', in: 'dialog' },
        { press: 'button', name: 'Request', in: 'dialog' },
      ],
      done: { environment: NEW_STAGE, status: ['creating', 'ready'] },
    },
    {
      id: 'provisioning',
      narration:
        'Provisioning can take up to two weeks; the new environment is created in the same region as Stage and Production. The story fast-forwards the virtual days until it is ready.',
      screen: { page: 'environments' },
      role: 'business-owner',
      targets: [],
      fastForward: { until: 'provisioned', environment: NEW_STAGE },
      done: { environment: NEW_STAGE, status: ['ready'] },
    },
    {
      id: 'stage-only-pipeline',
      narration:
        'Pipelines are set up by a Deployment Manager, so the story switches you back to the Deployment Manager role. Add a non-production pipeline whose eligible deployment environment is the new stage: that makes it a stage-only pipeline.',
      screen: { page: 'pipelines' },
      role: 'deployment-manager',
      targets: [
        { press: 'button', name: 'Add Pipeline' },
        { press: 'menuitem', name: 'Add Non-Production Pipeline' },
        { fill: 'textbox', name: 'Non-Production Pipeline Name', value: NEW_PIPELINE, in: 'dialog' },
        { press: 'button', name: 'Continue', in: 'dialog' },
        { pick: `${NEW_STAGE} (stage)`, name: 'Eligible Deployment Environments', in: 'dialog' },
        { press: 'button', name: 'Continue', in: 'dialog' },
        { press: 'button', name: 'Save', in: 'dialog' },
      ],
      done: { pipeline: NEW_PIPELINE, deploysTo: NEW_STAGE },
    },
  ],
}
