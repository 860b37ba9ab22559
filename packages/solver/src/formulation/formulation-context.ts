import type { PlanningModel } from "../model/planning-model.js";
import type { MilpBuilder } from "./milp-builder.js";
import type { CrewVariable, PlacementVariable } from "./variable-index.js";

/** Shared state while the constraint families add their variables and rows. */
export interface FormulationContext {
  readonly model: PlanningModel;
  readonly builder: MilpBuilder;
  /** Per shoot: placement variables (start option x location). */
  readonly placements: PlacementVariable[][];
  /** Per shoot: drop variable or null. */
  readonly drops: (number | null)[];
  /** Per shoot: crew variables. */
  readonly crew: CrewVariable[][];
  /** Per shoot: person -> start index -> busy variable. */
  readonly busy: Map<number, Map<number, number>>[];
  /** person -> day -> works variable. */
  readonly works: Map<number, Map<number, number>>;
  /** person -> day -> on-payroll variable for hold-billed people (idle or worked). */
  readonly onPayroll: Map<number, Map<number, number>>;
  /** item -> day -> rented units variable. */
  readonly rentals: Map<number, Map<number, number>>;
  /** Per shoot: person -> preference-miss variable. */
  readonly misses: Map<number, number>[];
  /** Mandatory shoots with no usable placement at all (window, availability, locations). */
  readonly unplaceable: number[];
}

/** `2026-03-02s0`: a readable name for a global slot. */
export function slotName(model: PlanningModel, slot: number): string {
  return `${model.dates[Math.floor(slot / model.slotsPerDay)] ?? "?"}s${slot % model.slotsPerDay}`;
}

export function dayName(model: PlanningModel, day: number): string {
  return model.dates[day] ?? "?";
}

/** For one shoot: the start indices covering each global slot. */
export function coverage(model: PlanningModel, shoot: number): Map<number, number[]> {
  const covering = new Map<number, number[]>();
  model.shoots[shoot]?.starts.forEach((start, index) => {
    for (const slot of start.slots) {
      const list = covering.get(slot);
      if (list === undefined) covering.set(slot, [index]);
      else list.push(index);
    }
  });
  return covering;
}

/** Sum of placement variables of a shoot at one start index (its "starts here" indicator). */
export function placementTerms(ctx: FormulationContext, shoot: number, start: number): { variable: number; coefficient: number }[] {
  return (ctx.placements[shoot] ?? []).filter((p) => p.start === start).map((p) => ({ variable: p.variable, coefficient: 1 }));
}

export function dayOfSlot(model: PlanningModel, slot: number): number {
  return Math.floor(slot / model.slotsPerDay);
}
