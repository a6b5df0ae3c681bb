/**
 * Every request body schema, by name: the one module `parseBody` (../bodies.ts) loads on the
 * first body it checks. Only schemas are exported here; their names are `parseBody`'s keys.
 */
export * from './environments'
export * from './executions'
export * from './pipelines'
export * from './sim-controls'
export * from './variables'
