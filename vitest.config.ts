import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // A hang guard, not a speed check (timing is for the benchmarks): tests that start
    // servers, CLIs and Chromium take many seconds each on a loaded 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // PGlite is WebAssembly and CPU-bound: two workers suit the 2-core machines.
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
