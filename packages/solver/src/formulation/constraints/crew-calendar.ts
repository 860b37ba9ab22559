import type { MilpTerm } from "../milp-model.js";
import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { coverage, dayName, dayOfSlot, slotName } from "../formulation-context.js";

/**
 * Rules "a person is never in two overlapping shoots" and "a person is paid once per
 * day worked": one row per person and slot, sum of busy variables covering the slot
 * <= works[person, day]. Then the limits on days worked and consecutive days.
 */
export function crewCalendar(ctx: FormulationContext): void {
  const covering = ctx.model.shoots.map((s) => coverage(ctx.model, s.index));
  for (const person of ctx.model.people) {
    const bySlot = busyBySlot(ctx, person.index, covering);
    if (bySlot.size === 0) continue;
    const works = new Map<number, number>();
    ctx.works.set(person.index, works);
    // Days already paid by shoots held fixed (neighbourhood search): worked, at no extra cost.
    for (const day of [...person.paidDays].sort((a, b) => a - b)) {
      works.set(day, ctx.builder.variable(`works[person=${person.id},date=${dayName(ctx.model, day)}]`, { lower: 1, upper: 1 }));
    }
    for (const slot of [...bySlot.keys()].sort((a, b) => a - b)) {
      const day = dayOfSlot(ctx.model, slot);
      let worksVar = works.get(day);
      if (worksVar === undefined) {
        // Hold-billed people are paid through onPayroll instead (hold-billing.ts).
        const cost = person.hold ? 0 : person.dayRate;
        worksVar = ctx.builder.binary(`works[person=${person.id},date=${dayName(ctx.model, day)}]`, cost);
        works.set(day, worksVar);
      }
      ctx.builder.row(`noOverlap[person=${person.id},slot=${slotName(ctx.model, slot)}]`, [...(bySlot.get(slot) ?? []), term(worksVar, -1)], { upper: 0 });
    }
    if (ctx.model.slotsPerDay > 1) shootDayRows(ctx, person.index, works);
    dayLimits(ctx, person.index, works);
  }
}

/**
 * Tightening for several slots per day: a person works at most one start of a shoot,
 * so the starts of one shoot on one day together are <= works[day]. Valid for every
 * integer plan; the per-slot rows alone let a fractional shoot split over the morning
 * and the afternoon and pay half a day.
 */
function shootDayRows(ctx: FormulationContext, person: number, works: ReadonlyMap<number, number>): void {
  const { model, builder } = ctx;
  model.shoots.forEach((shoot, s) => {
    const busy = ctx.busy[s]?.get(person);
    if (busy === undefined) return;
    const byDay = new Map<number, MilpTerm[]>();
    for (const [start, v] of busy) {
      const option = shoot.starts[start];
      if (option === undefined) continue;
      for (let d = option.firstDay; d <= option.lastDay; d += 1) byDay.set(d, [...(byDay.get(d) ?? []), term(v)]);
    }
    for (const [day, terms] of byDay) {
      const w = works.get(day);
      if (w === undefined || terms.length < 2) continue;
      builder.row(`worksShoot[person=${model.people[person]?.id},shoot=${shoot.id},date=${dayName(model, day)}]`, [...terms, term(w, -1)], { upper: 0 });
    }
  });
}

function busyBySlot(ctx: FormulationContext, person: number, covering: readonly Map<number, number[]>[]): Map<number, MilpTerm[]> {
  const bySlot = new Map<number, MilpTerm[]>();
  ctx.model.shoots.forEach((shoot, s) => {
    const busy = ctx.busy[s]?.get(person);
    if (busy === undefined) return;
    for (const [slot, starts] of covering[s] ?? []) {
      for (const start of starts) {
        const v = busy.get(start);
        if (v === undefined) continue;
        const list = bySlot.get(slot);
        if (list === undefined) bySlot.set(slot, [term(v)]);
        else list.push(term(v));
      }
    }
  });
  return bySlot;
}

function dayLimits(ctx: FormulationContext, personIndex: number, works: ReadonlyMap<number, number>): void {
  const { model, builder } = ctx;
  const person = model.people[personIndex];
  if (person === undefined) return;
  if (person.maxDays !== null && works.size > person.maxDays) {
    builder.row(`maxDays[person=${person.id}]`, [...works.values()].map((v) => term(v)), { upper: person.maxDays });
  }
  const k = person.maxConsecutiveDays;
  if (k === null) return;
  // A run of k+1 worked days can only happen on k+1 consecutive calendar days that are all working days.
  for (let first = 0; first + k < model.dates.length; first += 1) {
    const span: number = (model.dayNumbers[first + k] ?? 0) - (model.dayNumbers[first] ?? 0);
    if (span !== k) continue;
    const terms: MilpTerm[] = [];
    for (let d = first; d <= first + k; d += 1) {
      const v = works.get(d);
      if (v !== undefined) terms.push(term(v));
    }
    if (terms.length > k) builder.row(`maxConsecutive[person=${person.id},from=${dayName(model, first)}]`, terms, { upper: k });
  }
}
