/**
 * `pipeline-console serve` for the journeys in this folder, serving the build named by E2E_DIST
 * (default dist) rather than the package's own dist/.
 */
import { resolve } from 'node:path'
import { runCli } from '../../src/server/cli.ts'

process.exitCode = await runCli(process.argv.slice(2), process.env, { consoleDir: resolve(process.env.E2E_DIST ?? 'dist') })
