/**
 * A who-to-whom heatmap drawn on the server as SVG: rows and columns are the same parties, each cell is shaded by
 * its value and also shows the value as text (a dash for none), so the shading is never the only carrier. Columns
 * are numbered (the number is the row's), which keeps the picture narrow; it scrolls sideways on a phone.
 */
export interface HeatmapParty {
  key: string;
  name: string;
}

const LABEL = 300;
const CELL_W = 76;
const CELL_H = 34;
const TOP = 48;

/** Light to dark; text is dark on the three lightest and white on the two darkest (all at least 4.5:1). */
const SHADES = [
  { fill: "#f1f5f9", text: "#0f172a" },
  { fill: "#d5ebe3", text: "#0f172a" },
  { fill: "#9fd0bd", text: "#0f172a" },
  { fill: "#5fae8f", text: "#0f172a" },
  { fill: "#1d6b52", text: "#ffffff" },
  { fill: "#0f4333", text: "#ffffff" },
] as const;

function shade(value: number, max: number) {
  if (!value || max <= 0) return SHADES[0];
  return SHADES[Math.min(5, 1 + Math.floor((value / max) * 4.999))];
}

export function Heatmap({
  id,
  title,
  description,
  rowAxisLabel,
  columnAxisLabel,
  parties,
  cells,
  regionLabel,
}: {
  id: string;
  title: string;
  description: string;
  rowAxisLabel: string;
  columnAxisLabel: string;
  parties: HeatmapParty[];
  /** `row key → column key → value and its text`. */
  cells: Map<string, Map<string, { value: number; text: string }>>;
  /** Names the scrolling region for keyboard and screen-reader users. */
  regionLabel: string;
}) {
  const n = parties.length;
  const width = LABEL + n * CELL_W + 8;
  const height = TOP + n * CELL_H + 8;
  const max = Math.max(0, ...[...cells.values()].flatMap((row) => [...row.values()].map((c) => c.value)));
  const short = (name: string) => (name.length > 32 ? `${name.slice(0, 31)}…` : name);
  return (
    <div role="region" aria-label={regionLabel} tabIndex={0} className="overflow-x-auto">
      <svg
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="block text-slate-900"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text x="0" y="14" className="fill-slate-700 text-xs font-semibold">
          {rowAxisLabel}
        </text>
        <text x={LABEL} y="14" className="fill-slate-700 text-xs font-semibold">
          {columnAxisLabel}
        </text>
        {parties.map((p, j) => (
          <text
            key={`c-${p.key}`}
            x={LABEL + j * CELL_W + CELL_W / 2}
            y={TOP - 10}
            textAnchor="middle"
            className="fill-slate-900 text-sm font-semibold"
          >
            {j + 1}
          </text>
        ))}
        {parties.map((row, i) => {
          const y = TOP + i * CELL_H;
          return (
            <g key={`r-${row.key}`}>
              <text x="0" y={y + CELL_H / 2 + 5} className="fill-slate-900 text-[13px]">
                {`${i + 1}. ${short(row.name)}`}
              </text>
              {parties.map((col, j) => {
                const cell = cells.get(row.key)?.get(col.key);
                const look = row.key === col.key ? { fill: "#ffffff", text: "#475569" } : shade(cell?.value ?? 0, max);
                return (
                  <g key={`${row.key}-${col.key}`}>
                    <rect
                      x={LABEL + j * CELL_W}
                      y={y}
                      width={CELL_W - 2}
                      height={CELL_H - 2}
                      fill={look.fill}
                      stroke="#cbd5e1"
                    />
                    <text
                      x={LABEL + j * CELL_W + (CELL_W - 2) / 2}
                      y={y + CELL_H / 2 + 4}
                      textAnchor="middle"
                      fill={look.text}
                      className="text-xs font-medium"
                    >
                      {row.key === col.key ? "×" : (cell?.text ?? "–")}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
