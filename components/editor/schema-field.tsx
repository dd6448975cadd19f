"use client";
import { FieldErrors, inputClass, useFormField } from "./form-context";
import { emptyValue, numberFromInput, resolve, typeOf, type JsonSchema } from "./json-schema";
import type { Path } from "./yaml-doc";

/** Fields the form never offers: set by the API server, not by a person. */
const SERVER_FIELDS = new Set(["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "ownerReferences", "deletionTimestamp", "selfLink"]);

/**
 * One field of the generic form, driven by the kind's JSON Schema: objects become fieldsets, lists get
 * add/remove, enums a select, numbers a text input that keeps what was typed (so "abc" is reported, not lost).
 */
export function SchemaField({ schema, path, label, depth = 0 }: { schema: JsonSchema | undefined; path: Path; label: string; depth?: number }) {
  const { model, field, value, errors, set } = useFormField(path);
  const s = resolve(schema, model.root);
  const type = typeOf(s);
  if (!s || (type === "object" && !s.properties && s.additionalProperties === undefined)) return <Raw label={label} field={field} value={value} />;
  if (type === "object" && s.properties) return <ObjectField schema={s} path={path} label={label} depth={depth} />;
  if (type === "object") return <MapField schema={s} path={path} label={label} />;
  if (type === "array") return <ArrayField schema={s} path={path} label={label} depth={depth} />;
  const bad = errors.length > 0;
  const id = `f-${field}`;
  let input;
  if (s.const !== undefined) input = <span className="font-mono text-xs">{String(s.const)}</span>;
  else if (s.enum) {
    input = (
      <select id={id} disabled={model.readOnly} value={value === undefined ? "" : String(value)} onChange={(e) => set(e.target.value === "" ? undefined : e.target.value)} className={inputClass(bad)}>
        <option value="">(unset)</option>
        {s.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (type === "boolean") {
    input = (
      <select id={id} disabled={model.readOnly} value={value === undefined ? "" : String(value)} onChange={(e) => set(e.target.value === "" ? undefined : e.target.value === "true")} className={inputClass(bad)}>
        <option value="">(unset)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else {
    const numeric = type === "integer" || type === "number";
    input = (
      <input
        id={id}
        readOnly={model.readOnly}
        inputMode={numeric ? "numeric" : undefined}
        value={value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value)}
        onChange={(e) => set(numeric ? numberFromInput(e.target.value) : e.target.value === "" ? undefined : e.target.value)}
        className={`${inputClass(bad)} ${numeric ? "w-28" : "w-72"}`}
      />
    );
  }
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1" data-field={field}>
      <label htmlFor={id} className="w-44 shrink-0 text-xs font-medium text-slate-600">
        {label}
      </label>
      <div>
        {input}
        <FieldErrors errors={errors} />
      </div>
    </div>
  );
}

function ObjectField({ schema, path, label, depth }: { schema: JsonSchema; path: Path; label: string; depth: number }) {
  const { field, value, errors } = useFormField(path);
  const keys = Object.keys(schema.properties ?? {}).filter((k) => !SERVER_FIELDS.has(k));
  const body = (
    <div className="space-y-2">
      <FieldErrors errors={errors} />
      {keys.map((k) => (
        <SchemaField key={k} schema={schema.properties![k]} path={[...path, k]} label={k} depth={depth + 1} />
      ))}
    </div>
  );
  if (depth === 0 && path.length === 0) return body;
  return (
    <details open={value !== undefined || errors.length > 0} data-field={field} className="rounded border border-slate-200 px-3 py-2">
      <summary className="cursor-pointer text-xs font-semibold text-slate-700">
        {label}
        {value === undefined && <span className="ml-2 font-normal text-slate-400">(unset)</span>}
      </summary>
      <div className="mt-2">{body}</div>
    </details>
  );
}

function ArrayField({ schema, path, label, depth }: { schema: JsonSchema; path: Path; label: string; depth: number }) {
  const { model, field, value, errors, set } = useFormField(path);
  const items = Array.isArray(value) ? value : [];
  const itemSchema = resolve(schema.items, model.root);
  return (
    <fieldset data-field={field} className="rounded border border-slate-200 px-3 py-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">
        {label} <span className="font-normal text-slate-400">({items.length})</span>
      </legend>
      <FieldErrors errors={errors} />
      <ol className="space-y-2">
        {items.map((_, i) => (
          <li key={i} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <SchemaField schema={itemSchema} path={[...path, i]} label={`${label}[${i}]`} depth={depth + 1} />
            </div>
            {!model.readOnly && (
              <button type="button" aria-label={`Remove ${label}[${i}]`} onClick={() => model.set([...path, i], undefined)} className="text-xs text-slate-500 hover:text-red-700">
                Remove
              </button>
            )}
          </li>
        ))}
      </ol>
      {!model.readOnly && (
        <button type="button" onClick={() => (items.length === 0 ? set([emptyValue(itemSchema)]) : model.set([...path, items.length], emptyValue(itemSchema)))} className="mt-2 text-xs text-indigo-700 hover:underline">
          Add {label} item
        </button>
      )}
    </fieldset>
  );
}

/** A string map (labels, subsets): one row per key; renaming a key moves its value. */
function MapField({ path, label }: { schema: JsonSchema; path: Path; label: string }) {
  const { model, field, value, errors, set } = useFormField(path);
  const entries = value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [];
  const write = (next: [string, unknown][]) => set(next.length === 0 ? undefined : Object.fromEntries(next));
  return (
    <fieldset data-field={field} className="rounded border border-slate-200 px-3 py-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">{label}</legend>
      <FieldErrors errors={errors} />
      {entries.map(([k, v], i) => (
        <div key={i} className="mb-1 flex gap-2">
          <input aria-label={`${label} key ${i + 1}`} readOnly={model.readOnly} value={k} onChange={(e) => write(entries.map((en, j) => (j === i ? [e.target.value, en[1]] : en)))} className={`${inputClass(false)} w-56`} />
          <input aria-label={`${label} value ${i + 1}`} readOnly={model.readOnly} value={typeof v === "string" ? v : JSON.stringify(v)} onChange={(e) => write(entries.map((en, j) => (j === i ? [en[0], e.target.value] : en)))} className={`${inputClass(false)} w-56`} />
          {!model.readOnly && (
            <button type="button" onClick={() => write(entries.filter((__, j) => j !== i))} className="text-xs text-slate-500 hover:text-red-700">
              Remove
            </button>
          )}
        </div>
      ))}
      {!model.readOnly && (
        <button type="button" onClick={() => write([...entries, [`key-${entries.length + 1}`, ""]])} className="text-xs text-indigo-700 hover:underline">
          Add entry
        </button>
      )}
    </fieldset>
  );
}

/** A part the schema leaves free-form: shown, edited in YAML. */
function Raw({ label, field, value }: { label: string; field: string; value: unknown }) {
  return (
    <div data-field={field} className="text-xs text-slate-500">
      <span className="font-medium text-slate-600">{label}</span>: {value === undefined ? "(unset)" : <code>{JSON.stringify(value)}</code>} — free-form, edit it in YAML
    </div>
  );
}
