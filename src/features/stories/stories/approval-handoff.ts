import type { Story } from '../story-model'

const PIPELINE = 'Production Pipeline'

/** Seed 002: a Deployment Manager starts a production run; a Business Owner approves it. */
export const approvalHandoff: Story = {
  id: 'approval-handoff',
  title: 'Approval hand-off',
  summary: 'A Deployment Manager starts a production run that stops before production until a Business Owner approves.',
  duration: 'about 45 seconds',
  scenario: 'coupled-pipeline',
  program: 'Fresh Program',
  steps: [
    {
      id: 'intro',
      narration:
        'The story has reset the simulator to the coupled-pipeline scenario, and switched you to the Deployment Manager role, who starts production runs.',
      screen: { page: 'overview' },
      role: 'deployment-manager',
      targets: [],
    },
    {
      id: 'deploy',
      narration: 'Start a production run: press Deploy, then Build.',
      screen: { page: 'overview' },
      role: 'deployment-manager',
      targets: [
        { press: 'button', name: 'Deploy' },
        { press: 'button', name: 'Build', in: 'dialog' },
      ],
      done: { execution: { pipeline: PIPELINE }, save: 'run' },
    },
    {
      id: 'waits',
      narration:
        'Stage deployment and testing are fast-forwarded on the virtual clock. The run then stops before production and waits for an approval.',
      screen: { page: 'execution', execution: 'run' },
      role: 'deployment-manager',
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'run' }, step: { action: 'approval', status: ['WAITING'] } },
    },
    {
      id: 'business-owner',
      narration:
        'The approval belongs to the business. The story now switches you to the Business Owner role: press Approve, then confirm. With a second window open as a Business Owner, approve there and this story follows.',
      screen: { page: 'execution', execution: 'run' },
      role: 'business-owner',
      targets: [
        { press: 'button', name: 'Approve' },
        { press: 'button', name: 'Approve', in: 'dialog' },
      ],
      done: { execution: { saved: 'run' }, step: { action: 'approval', status: ['FINISHED'] } },
    },
    {
      id: 'production',
      narration:
        'Approved: the build rolls out to production, author first, then each publish and dispatcher pair. Fast-forwarded.',
      screen: { page: 'execution', execution: 'run' },
      role: 'business-owner',
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'run' }, status: ['FINISHED'] },
    },
  ],
}
