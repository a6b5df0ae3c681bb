/**
 * Journeys against `pipeline-console serve` (e2e/serve): several browser contexts, one server.
 * `npx playwright test -c playwright.serve.config.ts` after `npm run build` (or E2E_DIST=<build>).
 */
import { defineConfig } from '@playwright/test'
import base from './playwright.config.ts'

const PORT = Number(process.env.E2E_SERVE_PORT ?? 4175)

export default defineConfig({
  ...base,
  testDir: './e2e/serve',
  testMatch: '**/*.serve.ts',
  // One server, one state: its journeys run one after the other.
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs e2e/serve/start-server.ts serve --port ${PORT} --scenario coupled-pipeline --paused`,
    url: `http://127.0.0.1:${PORT}/__sim/clock`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
