import type { Story } from '../story-model'

const PIPELINE = 'Production Pipeline'

/** Seed 002's timeouts: an approval left unanswered for 14 days. */
export const timeout: Story = {
  id: 'timeout',
  title: 'What a 14-day wait means',
  summary: 'An approval nobody answers times out after 14 virtual days, fast-forwarded in seconds.',
  duration: 'about 30 seconds',
  scenario: 'coupled-pipeline',
  program: 'Fresh Program',
  steps: [
    {
      id: 'intro',
      narration:
        'The story has reset the simulator to the coupled-pipeline scenario. Steps that wait for a person, such as the approval before production, time out after 14 days.',
      screen: { page: 'overview' },
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
      done: { execution: { pipeline: PIPELINE }, save: 'run' },
    },
    {
      id: 'waits',
      narration:
        'Stage deployment and testing are fast-forwarded. The run stops before production: the approval now waits, and the page counts down its 14 days.',
      screen: { page: 'execution', execution: 'run' },
      targets: [],
      fastForward: { until: 'waiting' },
      done: { execution: { saved: 'run' }, step: { action: 'approval', status: ['WAITING'] } },
    },
    {
      id: 'nobody-answers',
      narration:
        'Nobody answers. The story fast-forwards the virtual clock by the 14 days: the approval times out, nothing is deployed to production, and the execution ends as Cancelled.',
      screen: { page: 'execution', execution: 'run' },
      targets: [],
      fastForward: { until: 'timeout', execution: 'run' },
      done: { execution: { saved: 'run' }, status: ['CANCELLED'], step: { action: 'approval', status: ['CANCELLED'] } },
    },
  ],
}
