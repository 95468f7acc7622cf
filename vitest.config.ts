import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests talk to real emulators; a slow CI machine must not turn waits into failures.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The handlers log JSON lines on purpose; print them only for failing tests.
    silent: 'passed-only',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        // One worker, no isolation: the files share each synthesized template (see test/cdk/support).
        test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'], isolate: false, maxWorkers: 1 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // One Chromium at a time: two would fight over a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
