#!/usr/bin/env node
/** The `pipeline-console` bin: see cli.ts. */
import { runCli } from './cli'

process.exitCode = await runCli(process.argv.slice(2))
