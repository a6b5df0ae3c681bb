import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 4174)
/** Which build to serve: `dist` unless E2E_DIST names another `vite build --outDir`. */
const DIST = process.env.E2E_DIST ?? 'dist'
/** Debian's Chromium where it exists; elsewhere Playwright's own browser (`npx playwright install chromium`). */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

export default defineConfig({
  testDir: './e2e',
  // Every journey has its own browser context, so its own backend (SharedWorker and IndexedDB are
  // per context): journeys run side by side, one per core.
  fullyParallel: true,
  workers: 2,
  // One retry on CI, reported as flaky rather than hidden: a loaded machine can still miss a 10 s wait.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    // Recording a trace snapshots the DOM on every action, which doubled the cost of each key press
    // in the keyboard-only journeys; so a failed journey is traced on its retry (CI retries once).
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        // No DNS lookups at all, except for the console itself.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
        // V8's optimising tiers (Maglev, TurboFan) compile, on background threads, code that a
        // journey's short-lived documents seldom run long enough to repay: measured, about a fifth
        // of the renderer's CPU, competing with the page itself on two shared cores. Ignition and
        // Sparkplug run the same JavaScript with the same results (ADR 014).
        '--js-flags=--no-maglev --no-turbofan',
      ],
    },
  },
  webServer: {
    // Tests run against the production build (`npm run build` first).
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
