"use client";
import { HydrationGate } from "./hydration-gate";

/** A labelled select whose first (empty) option means "any"; used by the filter bars. Disabled until hydrated. */
export function Picker({ label, value, anyLabel, options, onChange }: { label: string; value: string; anyLabel: string; options: readonly string[]; onChange: (v: string) => void }) {
  return (
    <HydrationGate>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">{label}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)} className="rounded border border-slate-300 px-2 py-1">
          <option value="">{anyLabel}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
    </HydrationGate>
  );
}
