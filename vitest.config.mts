import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Each file gets its own Pulumi runtime; forks keep the mock runtimes apart.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
