import { configDefaults, defineConfig } from 'vitest/config';

/** Test files that need Redis: run one file at a time, after the globalSetup found a Redis. */
const REDIS_TESTS = ['test/contract/**/*.test.ts', 'test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Everything else under test/ (test/unit/** and any other folder), files in parallel.
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...REDIS_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: REDIS_TESTS,
          // Only runs when a selected file belongs to this project, so `vitest run test/unit` needs no Redis.
          globalSetup: ['test/support/redis-global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
