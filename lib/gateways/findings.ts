import type { FindingOf, Severity } from "../snapshot/finding";
import type { ObjectRef } from "../snapshot/ref";
import { compareRefs } from "../snapshot/ref";
import { severityOf, type FindingCode } from "./catalogue";

export type { Severity } from "../snapshot/finding";

/** A gateway finding; `lib/gateways/catalogue.ts` lists the codes. */
export type Finding = FindingOf<FindingCode>;

/** Collects findings during one analysis; `sortFindings` gives the stable output order. */
export type FindingSink = Finding[];

/** Stable order: first object, code, field, message. Duplicates (same code, objects, field, message) are dropped. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of list) {
    const key = `${f.code}\u0000${f.objects.map((o) => `${o.cluster}|${o.group}|${o.kind}|${o.namespace}|${o.name}`).join(",")}\u0000${f.field}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => {
    const ao = a.objects[0];
    const bo = b.objects[0];
    const byObject = ao && bo ? compareRefs(ao, bo) : 0;
    return byObject || cmp(a.code, b.code) || cmp(a.field, b.field) || cmp(a.message, b.message);
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records a finding with the catalogue's severity unless one is given. */
export function report(sink: FindingSink, code: FindingCode, objects: ObjectRef[], field: string, message: string, severity?: Severity): void {
  sink.push({ code, severity: severity ?? severityOf(code), message, objects, field });
}
