"use client";
import { TextLink } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useCatalogue } from "@/lib/client/api/diagnostics";

const TONE = { error: "text-red-700", warning: "text-amber-700", info: "text-slate-600" } as const;

/** `/catalogue`: every validation code with what must hold and an example, anchored by code (`#MP2001`). */
export default function CataloguePage() {
  const catalogue = useCatalogue();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Validation catalogue</h1>
      <p className="mb-4 text-sm text-slate-600">
        Every code the <TextLink href="/validations">validations</TextLink> page can show. Codes are stable: link to <span className="font-mono">/catalogue#MP2001</span>.
      </p>
      <QueryState query={catalogue}>
        {(c) => (
          <ul className="space-y-3">
            {c.items.map((e) => (
              <li key={e.code} id={e.code} data-testid="catalogue-entry" className="scroll-mt-4 rounded border border-slate-200 bg-white px-4 py-3 text-sm target:ring-2 target:ring-indigo-400">
                <h2 className="font-semibold">
                  <span className="mr-2 font-mono">{e.code}</span>
                  {e.title}
                  <span className={`ml-2 text-xs font-medium uppercase ${TONE[e.severity]}`}>{e.severity}</span>
                </h2>
                <p className="mt-1 text-slate-700">{e.explanation}</p>
                <p className="mt-1 text-slate-600">
                  <span className="text-xs font-medium uppercase text-slate-500">Example </span>
                  <code className="font-mono text-xs">{e.example}</code>
                </p>
                {e.count > 0 && (
                  <p className="mt-1 text-xs">
                    <TextLink href={`/validations?code=${e.code}`}>{`${e.count} current ${e.count === 1 ? "diagnostic" : "diagnostics"}`}</TextLink>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
