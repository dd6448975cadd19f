/** Labels as small `key=value` chips. */
export function LabelChips({ labels }: { labels: Readonly<Record<string, string>> | null | undefined }) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return <span className="text-slate-400">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <span key={k} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {k}={v}
        </span>
      ))}
    </span>
  );
}
