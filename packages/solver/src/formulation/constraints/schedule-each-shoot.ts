import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { slotName } from "../formulation-context.js";

/**
 * Rule "each shoot happens once, or is dropped if optional": one placement (start x
 * location) per shoot. Placements where the location is unavailable in any slot are
 * never created.
 */
export function scheduleEachShoot(ctx: FormulationContext): void {
  const { model, builder } = ctx;
  for (const shoot of model.shoots) {
    const placements = ctx.placements[shoot.index] ?? [];
    shoot.starts.forEach((start, startIndex) => {
      for (const location of shoot.locations) {
        const loc = model.locations[location];
        if (loc === undefined || !start.slots.every((t) => loc.available[t] === 1)) continue;
        const name = `start[shoot=${shoot.id},slot=${slotName(model, start.slot)},location=${loc.id}]`;
        placements.push({ start: startIndex, location, variable: builder.binary(name) });
      }
    });
    const drop = shoot.optional ? builder.binary(`drop[shoot=${shoot.id}]`, shoot.dropPenalty) : null;
    ctx.drops[shoot.index] = drop;
    const terms = placements.map((p) => term(p.variable));
    if (drop !== null) terms.push(term(drop));
    // A mandatory shoot with no usable placement makes the model infeasible before any solve.
    if (terms.length === 0) ctx.unplaceable.push(shoot.index);
    else builder.row(`schedule[shoot=${shoot.id}]`, terms, { lower: 1, upper: 1 });
  }
}
