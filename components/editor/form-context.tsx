"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { FieldError } from "@/lib/model/errors";
import type { JsonSchema } from "./json-schema";
import { fieldOf, valueAt, type Path } from "./yaml-doc";

/** What every form field needs: the object as it stands, its schema, its errors, and a way to change a value. */
export interface FormModel {
  root: JsonSchema;
  value: unknown;
  errors: readonly FieldError[];
  /** Sets (undefined: removes) the value at a path; the text is rewritten through the YAML Document API. */
  set: (path: Path, value: unknown) => void;
  cluster: string;
  readOnly: boolean;
}

const Ctx = createContext<FormModel | null>(null);

export function FormProvider({ model, children }: { model: FormModel; children: ReactNode }) {
  return <Ctx.Provider value={model}>{children}</Ctx.Provider>;
}

/** The form model, and helpers bound to one path. */
export function useFormField(path: Path) {
  const model = useContext(Ctx);
  if (!model) throw new Error("useFormField: must be inside a FormProvider");
  const field = fieldOf(path);
  return {
    model,
    field,
    value: valueAt(model.value, path),
    errors: model.errors.filter((e) => e.field === field),
    set: (v: unknown) => model.set(path, v),
  };
}

/** The field errors of one path, next to its input. */
export function FieldErrors({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-red-700" data-testid="field-error">
      {errors.map((e, i) => (
        <li key={i} role="alert">
          {e.message}
        </li>
      ))}
    </ul>
  );
}

/** Shared input styling: red border when the field has an error. */
export const inputClass = (bad: boolean) => `rounded border px-2 py-1 text-sm ${bad ? "border-red-500 bg-red-50" : "border-slate-300"}`;
