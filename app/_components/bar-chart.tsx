/**
 * A horizontal bar chart drawn on the server as SVG. Each bar has its label above it and its value written after
 * it, so nothing depends on colour; an optional second figure (the previous period, say) is a thin dark bar under
 * the thick one, told apart by its shape in the legend. The picture is one image for assistive technology, named by its title and described by a summary; the
 * same figures belong in a table next to it. Positions are percentages, so text keeps its size on a phone.
 */
export interface BarChartItem {
  label: string;
  value: number | null;
  valueText: string;
  /** A second figure on the same scale (drawn as a thin bar), e.g. the previous period. */
  marker?: number | null;
}

const ROW = 50;
const TOP = 34;
const BOTTOM = 46;
/** The bars use this share of the width; the rest holds the value written after the longest bar. */
const PLOT = 72;

export function BarChart({
  id,
  title,
  description,
  categoryAxisLabel,
  valueAxisLabel,
  items,
  max,
  ticks,
  markerLegend,
  valueLegend,
}: {
  id: string;
  title: string;
  description: string;
  categoryAxisLabel: string;
  valueAxisLabel: string;
  items: BarChartItem[];
  /** The value at the right end of the scale. */
  max: number;
  /** Gridlines with their labels, e.g. 0%, 25%, … 100%. */
  ticks: { value: number; text: string }[];
  markerLegend?: string;
  valueLegend?: string;
}) {
  const height = TOP + items.length * ROW + BOTTOM;
  const x = (v: number) => `${(Math.max(0, Math.min(v, max)) / (max || 1)) * PLOT}%`;
  const hasMarkers = items.some((i) => i.marker !== undefined && i.marker !== null);
  return (
    <figure className="m-0">
      {hasMarkers && markerLegend ? (
        <ul className="mb-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm bg-brand-600" />
            {valueLegend}
          </li>
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-1 w-5 bg-slate-600" />
            {markerLegend}
          </li>
        </ul>
      ) : null}
      <svg
        width="100%"
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="block overflow-visible text-slate-900"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text x="0" y="14" className="fill-slate-700 text-xs font-semibold">
          {categoryAxisLabel}
        </text>
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={x(tick.value)}
              x2={x(tick.value)}
              y1={TOP - 4}
              y2={TOP + items.length * ROW}
              className="stroke-slate-300"
              strokeDasharray={tick.value === 0 ? undefined : "3 3"}
            />
            <text
              x={x(tick.value)}
              y={TOP + items.length * ROW + 16}
              textAnchor={tick.value === 0 ? "start" : tick.value === max ? "end" : "middle"}
              className="fill-slate-700 text-xs"
            >
              {tick.text}
            </text>
          </g>
        ))}
        {items.map((item, i) => {
          const y = TOP + i * ROW;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the bars are drawn once, never reordered.
            <g key={`${item.label}-${i}`}>
              <text x="0" y={y + 13} className="fill-slate-900 text-sm">
                {item.label.length > 60 ? `${item.label.slice(0, 59)}…` : item.label}
              </text>
              <rect x="0" y={y + 19} width={x(item.value ?? 0)} height="16" rx="2" className="fill-brand-600" />
              {item.marker !== undefined && item.marker !== null ? (
                <rect x={x(item.marker)} y={y + 16} width="3" height="22" className="fill-slate-900" />
              ) : null}
              <text
                x={x(Math.max(item.value ?? 0, item.marker ?? 0))}
                dx="8"
                y={y + 32}
                className="fill-slate-900 text-sm font-semibold"
              >
                {item.valueText}
              </text>
            </g>
          );
        })}
        <text x={`${PLOT / 2}%`} y={height - 6} textAnchor="middle" className="fill-slate-700 text-xs font-semibold">
          {valueAxisLabel}
        </text>
      </svg>
    </figure>
  );
}

/** A round top for the value axis and its ticks: steps of 1, 2 or 5 times a power of ten, about `steps` of them. */
export function niceScale(max: number, steps = 4): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const rough = max / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((x) => x >= rough) ?? rough;
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { top: ticks[ticks.length - 1], ticks };
}
