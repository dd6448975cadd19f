/** What the list shows of a finding (workspace and gateway findings share the shape). */
interface ShownFinding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  field: string;
}

const TONE = { error: "border-red-200 bg-red-50 text-red-900", warning: "border-amber-200 bg-amber-50 text-amber-900", info: "border-slate-200 bg-slate-50 text-slate-800" } as const;

/** Findings with code, severity, message and field. */
export function FindingsList({ findings }: { findings: readonly ShownFinding[] }) {
  if (findings.length === 0) return <p className="text-sm text-slate-500">No findings.</p>;
  return (
    <ul className="space-y-2" data-testid="findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`rounded border px-3 py-2 text-sm ${TONE[f.severity]}`}>
          <span className="mr-2 font-mono text-xs font-semibold">{f.code}</span>
          <span className="mr-2 text-xs uppercase">{f.severity}</span>
          {f.message}
          {f.field && <span className="ml-1 font-mono text-xs">({f.field})</span>}
        </li>
      ))}
    </ul>
  );
}
