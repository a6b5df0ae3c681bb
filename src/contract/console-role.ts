/**
 * How a test tool switches the role of a console that is already running (the Playwright kit's
 * `sim.asRole`): it stores the role under ROLE_STORAGE_KEY, as the header's role switcher does,
 * and dispatches ROLE_CHANGE_EVENT on `window` with the role as `detail`. The console then acts
 * as after a choice in the switcher: every request carries the new role and every answer is refetched.
 */
export const ROLE_STORAGE_KEY = 'pipeline-console.role'
export const ROLE_CHANGE_EVENT = 'pipeline-console:role-change'
