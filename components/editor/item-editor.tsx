"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import type { FieldError } from "@/lib/model/errors";
import { KindForm } from "./kind-form";
import { YamlEditor } from "./yaml-editor";
import { diagnosticsFor, parseText, setAt, type Path } from "./yaml-doc";

type Tab = "form" | "yaml";

interface ItemEditorProps {
  /** The item's YAML text: the one source of truth of both views. */
  yaml: string;
  onChange: (yaml: string) => void;
  cluster: string;
  /** Errors the API answered for exactly this text (preview field errors, dry-run and apply causes). */
  serverErrors: readonly FieldError[];
  readOnly?: boolean;
  label: string;
}

/**
 * One draft item in two views, Form and YAML, over the same text: switching keeps every edit because the
 * form writes into the text (through the YAML Document API) instead of holding its own copy.
 */
export function ItemEditor({ yaml, onChange, cluster, serverErrors, readOnly = false, label }: ItemEditorProps) {
  const [tab, setTab] = useState<Tab>("form");
  const parsed = useMemo(() => parseText(yaml), [yaml]);
  const errors = useMemo(() => dedupe([...parsed.errors, ...serverErrors]), [parsed.errors, serverErrors]);
  const diagnostics = useMemo(() => diagnosticsFor(yaml, errors), [yaml, errors]);
  // Several form writes can happen in one event (switching a route's action): each builds on the last.
  const latest = useRef(yaml);
  latest.current = yaml;
  const set = useCallback(
    (path: Path, value: unknown) => {
      const next = setAt(latest.current, path, value);
      latest.current = next;
      onChange(next);
    },
    [onChange],
  );
  return (
    <div>
      <div role="tablist" aria-label={`${label} view`} className="mb-2 flex gap-1 border-b border-slate-200">
        {(["form", "yaml"] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)} className={`px-3 py-1.5 text-sm ${tab === t ? "border-b-2 border-indigo-600 font-medium text-indigo-700" : "text-slate-600 hover:text-slate-900"}`}>
            {t === "form" ? "Form" : "YAML"}
          </button>
        ))}
      </div>
      {errors.length > 0 && (
        <div role="alert" aria-label="Field errors" className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800" data-testid="item-errors">
          <p className="font-medium">
            {errors.length} {errors.length === 1 ? "field error" : "field errors"}
          </p>
          <ul className="list-disc pl-4">
            {errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div role="tabpanel" aria-label={tab === "form" ? "Form" : "YAML"}>
        {tab === "yaml" ? (
          <YamlEditor value={yaml} onChange={onChange} diagnostics={diagnostics} label={`${label} YAML`} readOnly={readOnly} />
        ) : parsed.syntaxOk ? (
          <KindForm model={{ value: parsed.value, errors, set, cluster, readOnly }} yaml={yaml} />
        ) : (
          <p className="text-sm text-slate-600">The YAML does not parse; fix it in the YAML view (the error is marked there).</p>
        )}
      </div>
    </div>
  );
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.field}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
