import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules", "e2e/**", ".next/**"],
    environment: "node",
    setupFiles: ["test/vitest-setup.ts"],
    testTimeout: 30_000,
  },
});
