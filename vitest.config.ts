import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here and on CI: more workers only make the Terraform and bundle tests fight.
    maxWorkers: 2,
    // @actions/workflow-parser imports its schema JSON without `with { type: 'json' }`, which Node rejects; let
    // Vite transform it instead of handing it to Node.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
