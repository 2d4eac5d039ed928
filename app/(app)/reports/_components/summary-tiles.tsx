/** Headline figures as a definition list: the word, then the figure. */
export function SummaryTiles({ items }: { items: { label: string; value: string; hint?: string }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">{item.label}</dt>
          <dd className="mt-1 text-2xl font-bold text-slate-900 tabular-nums">{item.value}</dd>
          {item.hint ? <dd className="mt-1 text-sm text-slate-700">{item.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
