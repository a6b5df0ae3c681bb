import type { Story } from '../story-model'
import { approvalHandoff } from './approval-handoff'
import { promoteBuild } from './promote-build'
import { reExecute } from './re-execute'
import { secondStaging } from './second-staging'
import { timeout } from './timeout'

/** Every story, in the order the list shows them. */
export const STORIES: readonly Story[] = [promoteBuild, reExecute, secondStaging, approvalHandoff, timeout]

export const findStory = (id: string): Story | undefined => STORIES.find((s) => s.id === id)
