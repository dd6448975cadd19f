import { describe, expect, it } from "vitest";
import { FINDING_CODES, WORKSPACE_NOTES, makeFinding, sortFindings } from "./index";

describe("finding codes and notes", () => {
  it("gives every code a severity and a one-line summary", () => {
    for (const [code, { severity, summary }] of Object.entries(FINDING_CODES)) {
      expect(code).toMatch(/^(WS|POLICY|ROUTE)_[A-Z_]+$/);
      expect(["error", "warning", "info"]).toContain(severity);
      expect(summary.length).toBeGreaterThan(10);
    }
  });

  it("lists every UNKNOWN choice once, with behaviour and reason", () => {
    expect(new Set(WORKSPACE_NOTES.map((n) => n.topic)).size).toBe(WORKSPACE_NOTES.length);
    for (const n of WORKSPACE_NOTES) for (const text of [n.topic, n.behaviour, n.reason]) expect(text.trim().length).toBeGreaterThan(0);
  });

  it("sorts findings by first object, then code, field and message, and dedupes workspaces", () => {
    const ref = (name: string) => ({ cluster: "c", group: "", kind: "Service", namespace: "n", name });
    const a = makeFinding("WS_IMPORT_EMPTY", "m", [ref("b")], "f", ["y", "x", "y"]);
    const b = makeFinding("WS_EXPORT_UNUSED", "m", [ref("b")], "f", []);
    const c = makeFinding("WS_SETTINGS_MISSING", "m", [ref("a")], "", []);
    expect(a.workspaces).toEqual(["x", "y"]);
    expect(sortFindings([a, b, c]).map((f) => f.code)).toEqual(["WS_SETTINGS_MISSING", "WS_EXPORT_UNUSED", "WS_IMPORT_EMPTY"]);
  });
});
