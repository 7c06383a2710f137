import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scenes/**/*.test.ts', 'data-adapters/**/*.test.ts', 'tools/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
  },
});
