import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The pure core of lib/ (everything but lib/server and lib/client) must stay free of the framework,
 * I/O, the clock and randomness: callers pass those in. DESIGN.md "Layout".
 */
const pureCoreBans = {
  "no-restricted-imports": ["error", {
    patterns: [
      { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "The pure core of lib/ must not depend on the framework." },
      { group: ["node:*", "fs", "fs/*", "path", "http", "https", "net", "child_process", "os", "crypto", "worker_threads", "stream"], message: "The pure core of lib/ must not do I/O: pass data in." },
      { group: ["@kubernetes/client-node", "@prisma/*", "chokidar", "@/lib/server/*", "@/lib/generated/*", "@/lib/client/*"], message: "The pure core of lib/ must not reach the server edge." },
    ],
  }],
  "no-restricted-globals": ["error",
    { name: "process", message: "Read configuration in lib/server and pass it in." },
    { name: "fetch", message: "No network in the pure core." },
    { name: "setTimeout", message: "No timers in the pure core." },
    { name: "setInterval", message: "No timers in the pure core." },
    { name: "window", message: "No browser globals in the pure core." },
    { name: "document", message: "No browser globals in the pure core." },
  ],
  "no-restricted-syntax": ["error",
    { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "No clock in the pure core: take `now` as a parameter." },
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "No clock in the pure core: take `now` as a parameter." },
    { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "No randomness in the pure core: take ids or a seed as a parameter." },
    { selector: "CallExpression[callee.object.name='crypto'][callee.property.name='randomUUID']", message: "No randomness in the pure core." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "test/apiserver/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", AbortController: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", window: "readonly", document: "readonly", EventSource: "readonly", structuredClone: "readonly", ReadableStream: "readonly", queueMicrotask: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/server/**", "lib/client/**", "lib/**/*.test.ts"],
    rules: pureCoreBans,
  },
  {
    // Queries go through lib/client/api/use-query.ts, which keeps hydration matching the server's HTML.
    files: ["app/**", "components/**", "lib/client/**"],
    ignores: ["lib/client/api/use-query.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@tanstack/react-query", importNames: ["useQuery", "useSuspenseQuery", "useQueries"], message: "Use useQuery from @/lib/client/api/use-query: it renders what the server rendered while hydrating." }] }],
    },
  },
  {
    files: ["scripts/**", "e2e/**", "bench/**", "test/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
);
