import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

import { sourceAliases } from './vite.config.ts'

/**
 * The rooms with no React and no DOM (lint keeps them so): their tests run in Node, without a
 * jsdom and Testing Library per file, which cost about a second of CPU each.
 */
const pureRooms = ['src/models/domain/**/*.test.ts', 'src/models/engine/**/*.test.ts']

export default defineConfig({
  plugins: [react()],
  resolve: { alias: sourceAliases },
  test: {
    // Vitest's default on a 2-core machine is one worker; many tests wait on sockets, timers and
    // child processes rather than the CPU, so two overlap those waits with work.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: pureRooms,
          environment: 'jsdom',
          // A fresh jsdom and module graph per file cost about two seconds of CPU each (about
          // 110 s of the 130 s these files took on 2 cores); files in a worker share one instead.
          // Each test still starts clean: Testing Library unmounts, storage and the watched models
          // are reset (setup.ts), every render gets its own query client and URL
          // (testing/render.tsx), mocks and stubbed globals are restored
          // (testing/console-errors.ts).
          // Code loaded on demand stays loaded: a test that needs it in loads it (beforeAll).
          isolate: false,
          // Both named here: Vitest runs a setup file again before each file, but not what it
          // imports, so hooks registered by an import would hold for the first file alone.
          setupFiles: ['src/testing/console-errors.ts', 'src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pure',
          include: pureRooms,
          environment: 'node',
          setupFiles: ['src/testing/console-errors.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'common/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
})
