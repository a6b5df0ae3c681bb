import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { pipelineConsoleServer } from 'pipeline-console/playwright'

const PORT = Number(process.env.CONSOLE_PORT ?? 4390)
/** Debian's Chromium where it exists; elsewhere Playwright's own browser (`npx playwright install chromium`). */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

export default defineConfig({
  testDir: './tests',
  // One `serve` backend for the whole suite: tests that reset it run one at a time.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    trace: 'on-first-retry',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        // No DNS lookups at all, except for the console itself.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      ],
    },
  },
  // Runs `pipeline-console serve --port <PORT> --host 127.0.0.1 --paused` from the installed package.
  webServer: pipelineConsoleServer({ port: PORT }),
})
