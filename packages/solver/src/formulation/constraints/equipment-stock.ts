import type { MilpTerm } from "../milp-model.js";
import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { dayName, dayOfSlot, slotName } from "../formulation-context.js";

/**
 * Rule "in every slot, units in use <= owned-and-available + rented that day", with
 * rent[item, day] integer in 0..maxUnits paid per unit per day. Slots whose largest
 * possible use fits the owned units need no row.
 */
export function equipmentStock(ctx: FormulationContext): void {
  const { model, builder } = ctx;
  for (const item of model.items) {
    const bySlot = useBySlot(ctx, item.index);
    const rent = new Map<number, number>();
    for (const slot of [...bySlot.keys()].sort((a, b) => a - b)) {
      const terms = bySlot.get(slot) ?? [];
      const day = dayOfSlot(model, slot);
      // Units used by shoots held fixed outside the model (neighbourhood search) are not available.
      const owned = (item.ownedByDay[day] ?? 0) - (item.fixedUse?.[slot] ?? 0);
      if (terms.reduce((sum, t) => sum + t.coefficient, 0) <= owned) continue;
      let rentVar = rent.get(day);
      if (rentVar === undefined && item.rentalCap > 0) {
        // Rentals the fixed shoots already force that day are a floor: the day's rent is its peak.
        const floor = Math.max(0, fixedPeak(ctx, item.index, day) - (item.ownedByDay[day] ?? 0));
        rentVar = builder.variable(`rent[item=${item.id},date=${dayName(model, day)}]`, { lower: floor, upper: item.rentalCap, cost: item.rentalRate });
        rent.set(day, rentVar);
      }
      const all = rentVar === undefined ? terms : [...terms, term(rentVar, -1)];
      builder.row(`stock[item=${item.id},slot=${slotName(model, slot)}]`, all, { upper: owned });
    }
    if (rent.size > 0) ctx.rentals.set(item.index, rent);
  }
}

/** Units of the item each placement would use in each slot (coefficient = units). */
function useBySlot(ctx: FormulationContext, item: number): Map<number, MilpTerm[]> {
  const bySlot = new Map<number, MilpTerm[]>();
  ctx.model.shoots.forEach((shoot, s) => {
    const units = shoot.equipment.find((e) => e.item === item)?.units ?? 0;
    if (units === 0) return;
    for (const placement of ctx.placements[s] ?? []) {
      for (const slot of shoot.starts[placement.start]?.slots ?? []) {
        const list = bySlot.get(slot);
        if (list === undefined) bySlot.set(slot, [term(placement.variable, units)]);
        else list.push(term(placement.variable, units));
      }
    }
  });
  return bySlot;
}

/** Peak units used by fixed shoots in any slot of the day. */
function fixedPeak(ctx: FormulationContext, item: number, day: number): number {
  const use = ctx.model.items[item]?.fixedUse;
  if (use === null || use === undefined) return 0;
  let peak = 0;
  for (let s = 0; s < ctx.model.slotsPerDay; s += 1) peak = Math.max(peak, use[day * ctx.model.slotsPerDay + s] ?? 0);
  return peak;
}
