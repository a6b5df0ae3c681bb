/**
 * This build's name for the snapshots it writes (`BackendOptions.build`): the path of one of its
 * content-hashed scripts, which changes with any change to the engine that script carries. A dev
 * server's script URLs name no content, so there (and in tests) every snapshot is checked.
 */
export const buildName = (scriptUrl: string): string | undefined =>
  import.meta.env.PROD ? new URL(scriptUrl).pathname : undefined
