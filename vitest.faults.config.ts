import { defineConfig } from 'vitest/config'

// `npm run test:faults`: the long crash and load tests, on a PostgreSQL cluster of their own.
export default defineConfig({
  test: {
    include: ['api/**/*.faults.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
    env: { LOG_LEVEL: 'silent' },
  },
})
