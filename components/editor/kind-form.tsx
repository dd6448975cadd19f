"use client";
import type { ReactNode } from "react";
import { findKind } from "@/lib/model/registry";
import { BlastRadiusPanel, selectsTargets } from "./blast-radius";
import { FormProvider, type FormModel } from "./form-context";
import { kindJsonSchema, schemaAt } from "./json-schema";
import { RoutesEditor } from "./route-table-form";
import { SchemaField } from "./schema-field";
import { ImportExportEditor } from "./workspace-settings-form";
import type { Path } from "./yaml-doc";

/** Spec fields with a hand-built editor, by kind. */
const CUSTOM: Record<string, Record<string, (path: Path) => ReactNode>> = {
  RouteTable: { http: (p) => <RoutesEditor path={p} /> },
  WorkspaceSettings: { importFrom: (p) => <ImportExportEditor path={p} title="Imports" />, exportTo: (p) => <ImportExportEditor path={p} title="Exports" /> },
};

const METADATA = ["name", "namespace", "labels", "annotations"] as const;

/**
 * The form view of one object: metadata, then every spec field from the kind's schema, with hand-built
 * editors where a generic form is poor, and the live blast radius for kinds that select targets.
 */
export function KindForm({ model, yaml }: { model: Omit<FormModel, "root">; yaml: string }) {
  const obj = (model.value ?? {}) as { apiVersion?: string; kind?: string; spec?: unknown };
  const def = obj.apiVersion && obj.kind ? findKind(obj.apiVersion, obj.kind) : undefined;
  if (!def) return <p className="text-sm text-slate-600">The form needs a kind Meshpane models (apiVersion and kind); edit the YAML.</p>;
  const root = kindJsonSchema(def);
  const custom = CUSTOM[def.kind] ?? {};
  const specKeys = Object.keys(schemaAt(root, ["spec"])?.properties ?? {});
  return (
    <FormProvider model={{ ...model, root }}>
      <div className="space-y-4" data-testid="kind-form">
        <p className="text-xs text-slate-500">
          {obj.kind} <span className="font-mono">{obj.apiVersion}</span>
        </p>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-slate-700">Metadata</legend>
          {METADATA.filter((k) => k !== "namespace" || def.namespaced).map((k) => (
            <SchemaField key={k} schema={schemaAt(root, ["metadata", k])} path={["metadata", k]} label={k} depth={1} />
          ))}
        </fieldset>
        {selectsTargets(specKeys) && <BlastRadiusPanel cluster={model.cluster} yaml={yaml} />}
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-slate-700">Spec</legend>
          {specKeys.map((k) => (custom[k] ? <div key={k}>{custom[k]!(["spec", k])}</div> : <SchemaField key={k} schema={schemaAt(root, ["spec", k])} path={["spec", k]} label={k} depth={1} />))}
        </fieldset>
      </div>
    </FormProvider>
  );
}
