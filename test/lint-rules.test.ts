import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The pure core of lib/ must stay free of framework, I/O, clock and randomness (DESIGN.md). */
describe("the pure-core lint rule", () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return (result?.messages ?? []).map((m) => m.message);
  };

  it("flags the clock, randomness, I/O, process and the framework in lib/discovery", async () => {
    const messages = await lint(
      "lib/discovery/example.ts",
      `import fs from "node:fs";\nimport { useState } from "react";\nexport const a = Date.now() + Math.random() + new Date().getTime();\nexport const b = process.env.X;\nexport { fs, useState };\n`,
    );
    expect(messages.join("\n")).toMatch(/must not do I\/O/);
    expect(messages.join("\n")).toMatch(/must not depend on the framework/);
    expect(messages.filter((m) => m.includes("No clock"))).toHaveLength(2);
    expect(messages.join("\n")).toMatch(/No randomness/);
    expect(messages.join("\n")).toMatch(/Read configuration in lib\/server/);
  });

  it("allows the same code in the server edge", async () => {
    const messages = await lint("lib/server/example.ts", `import fs from "node:fs";\nexport const a = Date.now();\nexport { fs };\n`);
    expect(messages).toEqual([]);
  });
});
