"use client";
import { FieldErrors, inputClass, useFormField } from "./form-context";
import { schemaAt } from "./json-schema";
import { SchemaField } from "./schema-field";
import type { Path } from "./yaml-doc";

type Rule = { workspaces?: { name?: string; selector?: Record<string, string> }[]; resources?: unknown[] };

/**
 * WorkspaceSettings `importFrom` / `exportTo`: one card per rule, its workspaces as a comma-separated list
 * of names (`*` for every workspace) and its resource filters.
 */
export function ImportExportEditor({ path, title }: { path: Path; title: string }) {
  const { model, field, value, errors, set } = useFormField(path);
  const rules = Array.isArray(value) ? (value as Rule[]) : [];
  const verb = title === "Imports" ? "Import from" : "Export to";
  return (
    <section aria-label={title} data-field={field} className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <FieldErrors errors={errors} />
      {rules.length === 0 && <p className="text-xs text-slate-500">None.</p>}
      {rules.map((rule, i) => {
        const names = (rule.workspaces ?? []).map((w) => w.name ?? "").join(", ");
        const bySelector = (rule.workspaces ?? []).some((w) => w.selector);
        return (
          <div key={i} className="rounded border border-slate-300 bg-slate-50 p-3" data-field={`${field}[${i}]`}>
            <div className="mb-2 flex items-center gap-3">
              <label className="text-xs font-medium text-slate-600">
                {verb} workspaces
                <input
                  aria-label={`${verb} workspaces (rule ${i + 1})`}
                  readOnly={model.readOnly || bySelector}
                  value={names}
                  onChange={(e) => model.set([...path, i, "workspaces"], splitNames(e.target.value))}
                  placeholder="web-team, *"
                  className={`${inputClass(false)} ml-2 w-80`}
                />
              </label>
              {bySelector && <span className="text-xs text-slate-500">selected by labels — edit in YAML</span>}
              {!model.readOnly && (
                <button type="button" onClick={() => model.set([...path, i], undefined)} className="ml-auto text-xs text-slate-500 hover:text-red-700">
                  Remove rule
                </button>
              )}
            </div>
            <SchemaField schema={schemaAt(model.root, [...path, i, "resources"])} path={[...path, i, "resources"]} label="resources" depth={1} />
          </div>
        );
      })}
      {!model.readOnly && (
        <button type="button" onClick={() => (rules.length === 0 ? set([{ workspaces: [{ name: "" }] }]) : model.set([...path, rules.length], { workspaces: [{ name: "" }] }))} className="text-xs text-indigo-700 hover:underline">
          Add rule
        </button>
      )}
    </section>
  );
}

function splitNames(text: string): { name: string }[] | undefined {
  const names = text.split(",").map((s) => s.trim());
  return names.length === 1 && names[0] === "" ? undefined : names.map((name) => ({ name }));
}
