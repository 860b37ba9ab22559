import type { RunRecord } from "./records.js";

/** A dependency-free SVG step plot of plan cost and lower bound against time. */
export function timelineSvg(record: RunRecord, limit: number, title: string): string {
  const width = 720;
  const height = 360;
  const pad = { left: 80, right: 20, top: 40, bottom: 40 };
  const costs = record.timeline.flatMap((p) => ("cost" in p ? [[p.seconds, p.cost] as const] : []));
  const bounds = record.timeline.flatMap((p) => ("bound" in p ? [[p.seconds, p.bound] as const] : []));
  const values = [...costs, ...bounds].map(([, v]) => v);
  const low = Math.min(...values) * 0.98;
  const high = Math.max(...values) * 1.02;
  const x = (s: number) => pad.left + (s / limit) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - low) / (high - low || 1)) * (height - pad.top - pad.bottom);
  const steps = (points: readonly (readonly [number, number])[]) =>
    points.map(([s, v], i) => `${i === 0 ? "M" : `H${x(s).toFixed(1)} V`}${i === 0 ? `${x(s).toFixed(1)},${y(v).toFixed(1)}` : y(v).toFixed(1)}`).join(" ") +
    (points.length > 0 ? ` H${x(limit).toFixed(1)}` : "");
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = low + f * (high - low);
    return `<text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(0)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${title}</text>
<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="black"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="black"/>
<text x="${width / 2}" y="${height - 8}" text-anchor="middle" font-size="12">seconds (limit ${limit} s)</text>
${ticks.join("\n")}
<path d="${steps(costs)}" fill="none" stroke="#c0392b" stroke-width="2"/>
<path d="${steps(bounds)}" fill="none" stroke="#2471a3" stroke-width="2" stroke-dasharray="6 3"/>
<text x="${width - 160}" y="${pad.top + 14}" font-size="12" fill="#c0392b">plan cost (EUR)</text>
<text x="${width - 160}" y="${pad.top + 30}" font-size="12" fill="#2471a3">lower bound (EUR)</text>
</svg>
`;
}
