import { costAt, firstPlanSeconds, type RunRecord } from "./records.js";

const money = (v: number | null) => (v === null ? "-" : v.toFixed(0));
const secs = (v: number | null) => (v === null ? "-" : v.toFixed(1));
const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(2)}%`);

/** One row per run: time to first plan, cost at 1 s / 10 s / the limit, bound, gap, status, peak RSS, verification. */
export function formatTable(records: readonly RunRecord[], limit: number): string {
  const header = ["instance", "config", "status", "first plan s", "cost@1s", "cost@10s", `cost@limit (${limit}s)`, "bound", "gap", "peak RSS MB", "checked"];
  const rows = records.map((r) => [
    `${r.tier}-${r.seed}`,
    r.config,
    r.status,
    secs(firstPlanSeconds(r)),
    money(costAt(r, 1)),
    money(costAt(r, 10)),
    money(costAt(r, limit + 60)),
    money(r.lowerBound),
    pct(r.gap),
    r.peakRssMegabytes === null ? "-" : String(r.peakRssMegabytes),
    r.verified === null ? "-" : r.verified ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
