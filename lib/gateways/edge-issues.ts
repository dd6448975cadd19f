import type { KubeObject } from "../model/meta";
import { nsKey } from "./cluster-index";

/** Errors and warnings per object key (`Kind|ns/name`); they become the Edge objects' solo-kit states. */
export interface EdgeIssues {
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
}

/** The issue key of an object. */
export function issueKey(obj: KubeObject): string {
  return `${obj.kind}|${nsKey(obj)}`;
}

/** Records an error or warning on an Edge object. */
export function addIssue(issues: EdgeIssues, obj: KubeObject, kind: "errors" | "warnings", message: string): void {
  const key = issueKey(obj);
  issues[kind].set(key, [...(issues[kind].get(key) ?? []), message]);
}
