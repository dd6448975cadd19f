import type { z } from "zod";

/**
 * A field error shaped like the Kubernetes API's own `causes`: the field path, a machine reason and a
 * message saying what must hold. Meshpane shows its own errors and the API server's the same way.
 */
export interface FieldError {
  field: string;
  reason: "FieldValueRequired" | "FieldValueInvalid" | "FieldValueNotSupported" | "FieldValueTypeInvalid" | "FieldValueDuplicate";
  message: string;
}

/** Renders a zod path as the field path Kubernetes uses: `spec.http[0].matchers[1].uri`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "<root>" : out;
}

/** Turns zod issues into field errors with messages that say what must hold. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    if (issue.code === "invalid_type") {
      const missing = issue.message.includes("received undefined");
      return missing
        ? { field, reason: "FieldValueRequired", message: `${field}: is required (must be ${issue.expected})` }
        : { field, reason: "FieldValueTypeInvalid", message: `${field}: must be ${issue.expected}` };
    }
    if (issue.code === "invalid_value") {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return { field, reason: "FieldValueNotSupported", message: `${field}: must be one of ${allowed}` };
    }
    const message = issue.message.startsWith("must") ? issue.message : `must hold: ${issue.message}`;
    return { field, reason: "FieldValueInvalid", message: `${field}: ${message}` };
  });
}
