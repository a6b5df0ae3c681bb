/**
 * Executions this tab started and already announced with its own toast: their "started"
 * notification does not toast a second time (two toasts for one press stack over each other).
 */
const announced = new Set<string>()

export const noteOwnStart = (executionId: string): void => void announced.add(executionId)

export const isOwnStart = (executionId: string): boolean => announced.has(executionId)
