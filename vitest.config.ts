import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{models,sim,scenarios,reports,bench,test}/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
