import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { dayName } from "../formulation-context.js";

/**
 * Rule "hold-billed people are paid every working day from their first to their last
 * day worked". begun[d] (worked on or before d) is non-decreasing, pending[d] (works
 * on or after d) non-increasing; on[d] >= begun[d] + pending[d] - 1 is paid. All three
 * are continuous: with works binary they are integral at any optimum.
 */
export function holdBilling(ctx: FormulationContext): void {
  const { model, builder } = ctx;
  for (const person of model.people) {
    const works = ctx.works.get(person.index);
    if (!person.hold || works === undefined || works.size === 0) continue;
    const days = [...works.keys()];
    const first = Math.min(...days);
    const last = Math.max(...days);
    const on = new Map<number, number>();
    let previousBegun: number | null = null;
    const pending: number[] = [];
    const begun: number[] = [];
    for (let d = first; d <= last; d += 1) {
      const date = dayName(model, d);
      const b = builder.variable(`begun[person=${person.id},date=${date}]`, { integer: false });
      const p = builder.variable(`pending[person=${person.id},date=${date}]`, { integer: false });
      const o = builder.variable(`onPayroll[person=${person.id},date=${date}]`, { integer: false, cost: person.dayRate });
      begun.push(b);
      pending.push(p);
      on.set(d, o);
      if (previousBegun !== null) builder.row(`holdBegun[person=${person.id},date=${date}]`, [term(b), term(previousBegun, -1)], { lower: 0 });
      previousBegun = b;
      const w = works.get(d);
      if (w !== undefined) {
        builder.row(`holdStart[person=${person.id},date=${date}]`, [term(b), term(w, -1)], { lower: 0 });
        builder.row(`holdEnd[person=${person.id},date=${date}]`, [term(p), term(w, -1)], { lower: 0 });
        // Implied by the rows above for integer plans only; the relaxation needs it to pay worked days.
        builder.row(`holdWorked[person=${person.id},date=${date}]`, [term(o), term(w, -1)], { lower: 0 });
      }
      builder.row(`holdPaid[person=${person.id},date=${date}]`, [term(o), term(b, -1), term(p, -1)], { lower: -1 });
    }
    for (let i = 0; i + 1 < pending.length; i += 1) {
      builder.row(`holdPending[person=${person.id},date=${dayName(model, first + i)}]`, [term(pending[i] ?? 0), term(pending[i + 1] ?? 0, -1)], { lower: 0 });
    }
    ctx.onPayroll.set(person.index, on);
  }
}
