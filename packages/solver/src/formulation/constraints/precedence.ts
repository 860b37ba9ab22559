import type { ModelShoot, StartOption } from "../../model/planning-model.js";
import { earliestFollowingStart } from "../../model/precedence-time.js";
import type { MilpTerm } from "../milp-model.js";
import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { slotName } from "../formulation-context.js";

/**
 * Rule "a shoot follows another with a minimum gap" (only when both are scheduled).
 * For each start option of the first shoot, E = the earliest start slot the second
 * may take. For every threshold tau: [second starts at or before tau] + [first starts
 * where E > tau] <= 1. This forbids exactly the incompatible pairs and is tight.
 */
export function precedence(ctx: FormulationContext): void {
  for (const second of ctx.model.shoots) {
    for (const { shoot: firstIndex, gapDays } of second.after) {
      const first = ctx.model.shoots[firstIndex];
      if (first !== undefined) precedencePair(ctx, first, second, gapDays);
    }
  }
}

function precedencePair(ctx: FormulationContext, first: ModelShoot, second: ModelShoot, gapDays: number): void {
  const { model, builder } = ctx;
  const firstTerms = startTerms(ctx, first).map((entry) => ({ ...entry, earliest: earliestFollowingStart(model, entry.start, gapDays) }));
  const secondTerms = startTerms(ctx, second);
  const thresholds = [...new Set(secondTerms.map((e) => e.start.slot))].sort((a, b) => a - b);
  for (const tau of thresholds) {
    const blocking = firstTerms.filter((e) => e.earliest > tau).flatMap((e) => e.terms);
    if (blocking.length === 0) continue;
    const early = secondTerms.filter((e) => e.start.slot <= tau).flatMap((e) => e.terms);
    builder.row(`after[shoot=${second.id},first=${first.id},slot=${slotName(model, tau)}]`, [...early, ...blocking], { upper: 1 });
  }
}

function startTerms(ctx: FormulationContext, shoot: ModelShoot): { start: StartOption; terms: MilpTerm[] }[] {
  return shoot.starts.map((start, index) => ({
    start,
    terms: (ctx.placements[shoot.index] ?? []).filter((p) => p.start === index).map((p) => term(p.variable)),
  }));
}
