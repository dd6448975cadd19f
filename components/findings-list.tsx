import { refKey, type ObjectRef } from "@/lib/snapshot/ref";
import { catalogueCodeOf } from "@/lib/validate/catalogue";
import { DIAGNOSTIC_TONE } from "./diagnostic-list";
import { TextLink } from "./links";
import { RefLink } from "./ref-link";

/** What the list shows of a finding (workspace and gateway findings share the shape). */
interface ShownFinding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  field: string;
  objects?: readonly ObjectRef[];
}

/**
 * Findings with their catalogue code (linked to its entry; the analysis's own code on hover), severity, message
 * and field; with `at`, a finding placed at another object names it.
 */
export function FindingsList({ findings, at }: { findings: readonly ShownFinding[]; at?: ObjectRef }) {
  if (findings.length === 0) return <p className="text-sm text-slate-500">No findings.</p>;
  return (
    <ul className="space-y-2" data-testid="findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`rounded border px-3 py-2 text-sm ${DIAGNOSTIC_TONE[f.severity]}`}>
          <span className="mr-2 font-mono text-xs font-semibold" title={f.code}><CodeLink code={f.code} /></span>
          <span className="mr-2 text-xs uppercase">{f.severity}</span>
          {f.message}
          {f.field && <span className="ml-1 font-mono text-xs [overflow-wrap:anywhere]">({f.field})</span>}
          {at && f.objects?.[0] && refKey(f.objects[0]) !== refKey(at) && <span className="ml-1 text-xs">— at <RefLink target={f.objects[0]} showCluster /></span>}
        </li>
      ))}
    </ul>
  );
}

/** The finding's catalogue code linked to its entry, or the finding's own code when it has none. */
function CodeLink({ code }: { code: string }) {
  const mp = catalogueCodeOf(code);
  return mp ? <TextLink href={`/catalogue#${mp}`}>{mp}</TextLink> : <>{code}</>;
}
