import type { Condition, ConditionStatus } from "./types";

/** Builds a condition; messages say what must hold when the condition is not what it should be. */
export function cond(type: string, status: ConditionStatus, reason: string, message = ""): Condition {
  return { type, status, reason, message };
}

/** The condition of a type in a list, if present. */
export function findCondition(list: readonly Condition[], type: string): Condition | undefined {
  return list.find((c) => c.type === type);
}

/** True when the list has the condition type with status True. */
export function isTrue(list: readonly Condition[], type: string): boolean {
  return findCondition(list, type)?.status === "True";
}
