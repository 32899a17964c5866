import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Each test file makes its own study files in a folder of its own; key derivation is slow by
    // design (PBKDF2, 256,000 rounds), so allow for it.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
