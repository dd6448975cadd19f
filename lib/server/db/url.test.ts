import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseUrl } from "./url";

const saved = process.env.DATABASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
});

describe("databaseUrl", () => {
  it("creates the folder of a file: URL so a fresh clone can create its database", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-db-")), "nested", "deeper");
    process.env.DATABASE_URL = `file:${path.join(dir, "m.db")}`;
    expect(databaseUrl()).toBe(`file:${path.join(dir, "m.db")}`);
    expect(fs.existsSync(dir)).toBe(true);
  });
});
