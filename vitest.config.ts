import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here and on CI: more workers only make the Terraform and bundle tests fight.
    maxWorkers: 2,
  },
});
