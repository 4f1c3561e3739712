import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Component tests choose happy-dom with a file comment; the rest run in Node.
    environment: 'node',
    testTimeout: 30_000,
  },
});
