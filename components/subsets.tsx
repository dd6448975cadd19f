/** Subsets as `key: v1, v2` chips; none when no label key has two or more values. */
export function SubsetChips({ subsets }: { subsets: Readonly<Record<string, readonly string[]>> | null }) {
  const entries = Object.entries(subsets ?? {});
  if (entries.length === 0) return <span className="text-slate-400">none</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="subsets">
      {entries.map(([key, values]) => (
        <span key={key} className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-xs text-indigo-800">
          {key}: {values.join(", ")}
        </span>
      ))}
    </span>
  );
}
