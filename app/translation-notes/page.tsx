"use client";
import { Section } from "@/components/detail";
import { TextLink } from "@/components/links";
import { QueryState } from "@/components/query-state";
import { useTranslationNotes } from "@/lib/client/api/translation";

function NoteTable({ label, rows }: { label: string; rows: readonly { topic: string; behaviour: string; reason: string; reference?: string }[] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Topic</th>
            <th scope="col" className="px-3 py-2 font-medium">What Meshpane does</th>
            <th scope="col" className="px-3 py-2 font-medium">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.topic} className="border-b border-slate-100 align-top last:border-0">
              <td className="px-3 py-2 font-medium">
                {n.topic}
                {n.reference && <span className="block text-xs font-normal text-slate-500">{n.reference}</span>}
              </td>
              <td className="px-3 py-2">{n.behaviour}</td>
              <td className="px-3 py-2 text-slate-600">{n.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/translation-notes`: the choices made where the reference leaves Gloo's behaviour open. */
export default function TranslationNotesPage() {
  const notes = useTranslationNotes();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Translation notes</h1>
      <p className="mb-4 text-sm text-slate-600">
        Where the reference marks Gloo&apos;s behaviour unknown or only inferred, Meshpane had to choose. These are predictions, not facts; see the <TextLink href="/translation">translation</TextLink> they shape.
      </p>
      <QueryState query={notes}>
        {(n) => (
          <>
            <Section title="Translation">
              <NoteTable label="Translation notes" rows={n.notes} />
            </Section>
            <Section title="Workspaces and policies">
              <NoteTable label="Workspace notes" rows={n.workspaceNotes} />
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}
