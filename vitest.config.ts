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
          setupFiles: ['src/testing/setup.ts'],
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
