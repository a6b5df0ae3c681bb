import { defineConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default defineConfig({
  ...viteConfig,
  test: {
    // Vitest leaves one core free by default, which on a 2-core CI machine is one test file at a
    // time; many files wait on child processes, timers or I/O (the kill -9 test, the servers), so
    // two at a time use the machine better.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          include: ['src/engine/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['src/engine/**'],
          setupFiles: ['./src/testing/setup-tests.ts'],
          // S2 imports its own CSS from dist/, which Node cannot load: let Vite transform it.
          server: { deps: { inline: [/@react-spectrum\/s2/] } },
        },
      },
    ],
  },
})
