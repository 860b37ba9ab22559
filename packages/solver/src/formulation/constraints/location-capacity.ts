import type { MilpTerm } from "../milp-model.js";
import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { dayName, dayOfSlot, slotName } from "../formulation-context.js";

/**
 * Rules "a location holds at most `capacity` shoots at once" and "a location's day fee
 * is paid once per day used": per location and slot, placements covering the slot
 * <= capacity * used[location, day].
 */
export function locationCapacity(ctx: FormulationContext): void {
  const { model, builder } = ctx;
  for (const location of model.locations) {
    const bySlot = placementsBySlot(ctx, location.index);
    const used = new Map<number, number>();
    for (const slot of [...bySlot.keys()].sort((a, b) => a - b)) {
      const terms = bySlot.get(slot) ?? [];
      const day = dayOfSlot(model, slot);
      // Shoots held fixed outside the model (neighbourhood search) take part of the capacity.
      const capacity = location.capacity - (location.load?.[slot] ?? 0);
      if (location.dayFee === 0) {
        if (terms.length > capacity) builder.row(`capacity[location=${location.id},slot=${slotName(model, slot)}]`, terms, { upper: capacity });
        continue;
      }
      let usedVar = used.get(day);
      if (usedVar === undefined) {
        const paid = location.paidDays.has(day);
        usedVar = builder.variable(`used[location=${location.id},date=${dayName(model, day)}]`, paid ? { lower: 1 } : { cost: location.dayFee });
        used.set(day, usedVar);
      }
      builder.row(`capacity[location=${location.id},slot=${slotName(model, slot)}]`, [...terms, term(usedVar, -capacity)], { upper: 0 });
    }
    if (location.dayFee > 0) shootDayRows(ctx, location.index, used);
  }
}

/**
 * Tightening: one shoot's placements at this location on one day together are
 * <= used[day] (it takes at most one of them). Valid for integer plans; makes the
 * relaxation pay the fee for a shoot spread fractionally over several slots.
 */
function shootDayRows(ctx: FormulationContext, location: number, used: ReadonlyMap<number, number>): void {
  const { model, builder } = ctx;
  model.shoots.forEach((shoot, s) => {
    const byDay = new Map<number, MilpTerm[]>();
    for (const placement of ctx.placements[s] ?? []) {
      const option = shoot.starts[placement.start];
      if (placement.location !== location || option === undefined) continue;
      for (let d = option.firstDay; d <= option.lastDay; d += 1) byDay.set(d, [...(byDay.get(d) ?? []), term(placement.variable)]);
    }
    for (const [day, terms] of byDay) {
      const u = used.get(day);
      if (u === undefined || terms.length < 2) continue;
      builder.row(`usedShoot[location=${model.locations[location]?.id},shoot=${shoot.id},date=${dayName(model, day)}]`, [...terms, term(u, -1)], { upper: 0 });
    }
  });
}

function placementsBySlot(ctx: FormulationContext, location: number): Map<number, MilpTerm[]> {
  const bySlot = new Map<number, MilpTerm[]>();
  ctx.model.shoots.forEach((shoot, s) => {
    for (const placement of ctx.placements[s] ?? []) {
      if (placement.location !== location) continue;
      for (const slot of shoot.starts[placement.start]?.slots ?? []) {
        const list = bySlot.get(slot);
        if (list === undefined) bySlot.set(slot, [term(placement.variable)]);
        else list.push(term(placement.variable));
      }
    }
  });
  return bySlot;
}
