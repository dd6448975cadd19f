import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/v1/events/route";
import { GET as readyz } from "@/app/readyz/route";
import { demoConfig } from "@/lib/server/config";
import { DirectorySource } from "@/lib/server/sources/directory";
import { MeshStore } from "@/lib/server/store/mesh-store";
import { adminCookie } from "@/test/auth/harness";
import { useTempDatabase } from "@/test/db";
import { isShuttingDown, shutdown } from "./shutdown";

const holder = globalThis as typeof globalThis & { __meshpaneStore?: MeshStore };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meshpane-shutdown-"));

afterAll(() => {
  holder.__meshpaneStore = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("graceful shutdown", () => {
  it("ends open event streams, closes the watches and turns /readyz unready", async () => {
    await useTempDatabase();
    const store = new MeshStore(demoConfig(process.cwd()), (c) => new DirectorySource((c.source as { directory: string }).directory));
    holder.__meshpaneStore = store;
    store.start();
    const ctx = { params: Promise.resolve({}) };
    const res = await events(new NextRequest("http://127.0.0.1/api/v1/events", { headers: { cookie: await adminCookie() } }), ctx);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("retry:");
    expect((await readyz(new NextRequest("http://127.0.0.1/readyz"), ctx)).status).toBe(200);

    await shutdown();
    expect(isShuttingDown()).toBe(true);
    // The stream ends (the browser reconnects, through the Service, to another replica).
    let done = false;
    while (!done) done = (await reader.read()).done;
    const after = await readyz(new NextRequest("http://127.0.0.1/readyz"), ctx);
    expect(after.status).toBe(503);
    expect(((await after.json()) as { shuttingDown: boolean }).shuttingDown).toBe(true);
  });
});
