"use client";
import { FieldErrors, inputClass, useFormField } from "./form-context";
import { numberFromInput, schemaAt } from "./json-schema";
import { SchemaField } from "./schema-field";
import type { Path } from "./yaml-doc";

const ACTIONS = ["forwardTo", "delegate", "redirect", "directResponse"] as const;
type Route = Record<string, unknown> & { name?: string };

/** RouteTable `spec.http`: one card per route with its matchers, its action, and a weight per destination. */
export function RoutesEditor({ path }: { path: Path }) {
  const { model, field, value, errors, set } = useFormField(path);
  const routes = Array.isArray(value) ? (value as Route[]) : [];
  return (
    <section aria-label="HTTP routes" data-field={field} className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-700">HTTP routes</h3>
      <FieldErrors errors={errors} />
      {routes.map((r, i) => (
        <RouteCard key={i} path={[...path, i]} route={r} index={i} />
      ))}
      {!model.readOnly && (
        <button type="button" onClick={() => (routes.length === 0 ? set([{ name: "new-route", forwardTo: { destinations: [] } }]) : model.set([...path, routes.length], { name: `route-${routes.length + 1}`, forwardTo: { destinations: [] } }))} className="text-xs text-indigo-700 hover:underline">
          Add route
        </button>
      )}
    </section>
  );
}

function RouteCard({ path, route, index }: { path: Path; route: Route; index: number }) {
  const { model, field, errors } = useFormField(path);
  const name = route.name ?? `#${index}`;
  const action = ACTIONS.find((a) => route[a] !== undefined) ?? "";
  const switchAction = (next: string) => {
    if (action) model.set([...path, action], undefined);
    if (next) model.set([...path, next], next === "forwardTo" ? { destinations: [] } : next === "directResponse" ? { status: 200 } : {});
  };
  return (
    <article aria-label={`Route ${name}`} data-field={field} className="rounded border border-slate-300 bg-slate-50 p-3">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <SchemaField schema={schemaAt(model.root, [...path, "name"])} path={[...path, "name"]} label="Route name" />
        {!model.readOnly && (
          <button type="button" onClick={() => model.set(path, undefined)} className="ml-auto text-xs text-slate-500 hover:text-red-700">
            Remove route
          </button>
        )}
      </div>
      <FieldErrors errors={errors} />
      <div className="space-y-2">
        <SchemaField schema={schemaAt(model.root, [...path, "matchers"])} path={[...path, "matchers"]} label="matchers" depth={1} />
        <SchemaField schema={schemaAt(model.root, [...path, "labels"])} path={[...path, "labels"]} label="labels" depth={1} />
        <label className="flex items-center gap-3 text-xs font-medium text-slate-600">
          Action
          <select aria-label={`Action of route ${name}`} disabled={model.readOnly} value={action} onChange={(e) => switchAction(e.target.value)} className={inputClass(false)}>
            <option value="">(none)</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        {action === "forwardTo" && <Destinations path={[...path, "forwardTo", "destinations"]} routeName={name} />}
        {action === "delegate" && <Delegate path={[...path, "delegate"]} />}
        {action && action !== "forwardTo" && action !== "delegate" && <SchemaField schema={schemaAt(model.root, [...path, action])} path={[...path, action]} label={action} depth={1} />}
      </div>
    </article>
  );
}

type Destination = { ref?: { name?: string; namespace?: string; cluster?: string }; kind?: string; port?: { number?: number }; subset?: Record<string, string>; weight?: unknown };

/** Weighted destinations: one row per destination with its own weight input, and the sum beneath. */
function Destinations({ path, routeName }: { path: Path; routeName: string }) {
  const { model, field, value, errors, set } = useFormField(path);
  const list = Array.isArray(value) ? (value as Destination[]) : [];
  const weights = list.map((d) => d.weight).filter((w) => w !== undefined);
  const sum = weights.reduce<number>((a, w) => a + (typeof w === "number" ? w : NaN), 0);
  const errorsOf = (i: number, key: string) => model.errors.filter((e) => e.field === `${field}[${i}].${key}` || e.field.startsWith(`${field}[${i}].${key}.`));
  const text = (i: number, sub: string[], v: string) => model.set([...path, i, ...sub], v === "" ? undefined : v);
  return (
    <fieldset data-field={field} aria-label={`Destinations of route ${routeName}`} className="rounded border border-slate-200 bg-white px-3 py-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">Destinations</legend>
      <FieldErrors errors={errors} />
      <table className="w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 font-medium">Name</th>
            <th className="font-medium">Namespace</th>
            <th className="font-medium">Cluster</th>
            <th className="font-medium">Port</th>
            <th className="font-medium">Subset</th>
            <th className="font-medium">Weight</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((d, i) => (
            <tr key={i} data-field={`${field}[${i}]`} className="align-top">
              {(["name", "namespace", "cluster"] as const).map((k) => (
                <td key={k} className="py-1 pr-2">
                  <input aria-label={`${k} of destination ${i + 1} of route ${routeName}`} readOnly={model.readOnly} value={d.ref?.[k] ?? ""} onChange={(e) => text(i, ["ref", k], e.target.value)} className={`${inputClass(errorsOf(i, `ref.${k}`).length > 0)} w-36`} />
                </td>
              ))}
              <td className="pr-2">
                <input aria-label={`Port of destination ${i + 1} of route ${routeName}`} readOnly={model.readOnly} inputMode="numeric" value={d.port?.number === undefined ? "" : String(d.port.number)} onChange={(e) => model.set([...path, i, "port", "number"], numberFromInput(e.target.value))} className={`${inputClass(errorsOf(i, "port").length > 0)} w-20`} />
              </td>
              <td className="pr-2 font-mono text-slate-600">{d.subset ? Object.entries(d.subset).map(([k, v]) => `${k}=${v}`).join(", ") : "—"}</td>
              <td className="pr-2" data-field={`${field}[${i}].weight`}>
                <input aria-label={`Weight of destination ${i + 1} of route ${routeName}`} readOnly={model.readOnly} inputMode="numeric" value={d.weight === undefined ? "" : String(d.weight)} onChange={(e) => model.set([...path, i, "weight"], numberFromInput(e.target.value))} className={`${inputClass(errorsOf(i, "weight").length > 0)} w-20`} />
                <FieldErrors errors={errorsOf(i, "weight")} />
              </td>
              <td>
                {!model.readOnly && (
                  <button type="button" aria-label={`Remove destination ${i + 1} of route ${routeName}`} onClick={() => model.set([...path, i], undefined)} className="text-slate-500 hover:text-red-700">
                    ✕
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.some((_, i) => errorsOf(i, "ref").length + errorsOf(i, "port").length > 0) && <FieldErrors errors={list.flatMap((_, i) => [...errorsOf(i, "ref"), ...errorsOf(i, "port")])} />}
      <p className="mt-1 text-xs text-slate-500" data-testid="weight-sum">
        {weights.length === 0 ? "No weights: traffic is split evenly." : Number.isNaN(sum) ? "Weights must be numbers." : `Weights sum to ${sum}${sum === 100 ? "" : " (must be 100 when every destination is weighted)"}.`}
      </p>
      {!model.readOnly && (
        <button type="button" onClick={() => (list.length === 0 ? set([{ ref: { name: "" } }]) : model.set([...path, list.length], { ref: { name: "" } }))} className="mt-1 text-xs text-indigo-700 hover:underline">
          Add destination
        </button>
      )}
    </fieldset>
  );
}

/** Delegation: which route tables take over, and how their routes are ordered. */
function Delegate({ path }: { path: Path }) {
  const { model } = useFormField(path);
  return (
    <div className="space-y-2 rounded border border-slate-200 bg-white px-3 py-2">
      <p className="text-xs text-slate-500">Matching requests are handed to the selected route tables (of this and imported workspaces).</p>
      <SchemaField schema={schemaAt(model.root, [...path, "routeTables"])} path={[...path, "routeTables"]} label="routeTables" depth={1} />
      <SchemaField schema={schemaAt(model.root, [...path, "sortMethod"])} path={[...path, "sortMethod"]} label="sortMethod" depth={1} />
    </div>
  );
}
