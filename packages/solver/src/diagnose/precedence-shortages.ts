import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import { earliestFollowingStart } from "../model/precedence-time.js";
import { count, slotText, type InfeasibilityReason } from "./infeasibility-reason.js";

/**
 * Chains of mandatory shoots that cannot fit their windows: each shoot's earliest
 * usable start is pushed past its predecessors' earliest ends (plus the gap days);
 * a shoot with no usable start left is short. Optional predecessors are left out
 * (a dropped shoot orders nothing), so every reason holds for every plan.
 */
export function precedenceShortages(model: PlanningModel): InfeasibilityReason[] {
  const earliest = new Map<number, StartOption | null>();
  const reasons: InfeasibilityReason[] = [];
  const visit = (shoot: ModelShoot, path: ReadonlySet<number>): StartOption | null => {
    const known = earliest.get(shoot.index);
    if (known !== undefined) return known;
    if (path.has(shoot.index)) return null; // validation rejects cycles; never loop on one
    const inPath = new Set([...path, shoot.index]);
    let from = 0;
    let binding: { readonly before: ModelShoot; readonly gapDays: number; readonly end: StartOption } | null = null;
    for (const { shoot: q, gapDays } of shoot.after) {
      const before = model.shoots[q];
      if (before === undefined || before.optional) continue;
      const end = visit(before, inPath);
      if (end === null) {
        earliest.set(shoot.index, null);
        return null;
      }
      const next = earliestFollowingStart(model, end, gapDays);
      if (next > from) {
        from = next;
        binding = { before, gapDays, end };
      }
    }
    // Starts are in ascending slot order.
    const start = shoot.starts.find((s) => s.slot >= from) ?? null;
    const last = shoot.starts[shoot.starts.length - 1];
    if (start === null && binding !== null && last !== undefined) {
      const gap = binding.gapDays === 0 ? "" : ` with ${count(binding.gapDays, "working day")} between`;
      reasons.push({
        cause: "precedence",
        shoots: [binding.before.id, shoot.id],
        message: `Shoot ${shoot.id} must start after ${binding.before.id} ends${gap}: ${binding.before.id} ends on ${slotText(model, binding.end.slots[binding.end.slots.length - 1] ?? binding.end.slot)} at the earliest, and the last usable start of ${shoot.id} is on ${slotText(model, last.slot)}.`,
      });
    }
    earliest.set(shoot.index, start);
    return start;
  };
  for (const shoot of model.shoots) if (!shoot.optional) visit(shoot, new Set());
  return reasons;
}
