import type { PlanningModel } from "../model/planning-model.js";
import { budgetCaps } from "./constraints/budget-caps.js";
import { crewCalendar } from "./constraints/crew-calendar.js";
import { crewDays } from "./constraints/crew-days.js";
import { equipmentStock } from "./constraints/equipment-stock.js";
import { holdBilling } from "./constraints/hold-billing.js";
import { locationCapacity } from "./constraints/location-capacity.js";
import { precedence } from "./constraints/precedence.js";
import { scheduleEachShoot } from "./constraints/schedule-each-shoot.js";
import { staffEachShoot } from "./constraints/staff-each-shoot.js";
import type { FormulationContext } from "./formulation-context.js";
import { MilpBuilder } from "./milp-builder.js";
import type { MilpModel } from "./milp-model.js";
import type { VariableIndex } from "./variable-index.js";

/** A time-indexed MILP of the whole problem, objective in integer minor units. */
export interface Formulation {
  readonly milp: MilpModel;
  readonly index: VariableIndex;
  /** Mandatory shoots with no usable placement: the problem is infeasible without solving. */
  readonly unplaceable: readonly number[];
}

export interface FormulationOptions {
  /**
   * Project budget caps split shared costs, which is not linear. `conservative`
   * (default) charges each project the full price of every shared unit it touches, so
   * every solution respects the caps but some valid plans are cut off (a proof of
   * optimality then holds for the restricted model only). `relaxed` charges each
   * project only the least share it can pay of each unit: a relaxation whose bound and
   * infeasibility proofs hold for the real problem, whose solutions must be checked
   * against the caps. `relaxed-tight`: the same relaxation with more rows (a lone half
   * day pays the whole day), closer to the real caps and slower where they do not
   * bind. `none` leaves the project caps out (the total cap stays): what plans would
   * exist without them, for explaining infeasibility.
   */
  readonly projectBudgets?: "conservative" | "relaxed" | "relaxed-tight" | "none";
}

/**
 * Builds the MILP: one family of variables and rows per rule of the contract, each in
 * its own file under constraints/. Variables that can never be used (outside a window,
 * unavailable, wrong location) are never created.
 */
export function buildMilp(model: PlanningModel, options: FormulationOptions = {}): Formulation {
  const builder = new MilpBuilder();
  const ctx: FormulationContext = {
    model,
    builder,
    placements: model.shoots.map(() => []),
    drops: model.shoots.map(() => null),
    crew: model.shoots.map(() => []),
    busy: model.shoots.map(() => new Map()),
    works: new Map(),
    onPayroll: new Map(),
    rentals: new Map(),
    misses: model.shoots.map(() => new Map()),
    unplaceable: [],
  };
  scheduleEachShoot(ctx);
  staffEachShoot(ctx);
  crewCalendar(ctx);
  holdBilling(ctx);
  crewDays(ctx);
  locationCapacity(ctx);
  equipmentStock(ctx);
  precedence(ctx);
  const partial = builder.build();
  budgetCaps(ctx, partial.objective.terms, partial.objective.constant, options.projectBudgets ?? "conservative");
  return {
    milp: builder.build(),
    unplaceable: ctx.unplaceable,
    index: {
      shoots: model.shoots.map((s) => ({
        placements: ctx.placements[s.index] ?? [],
        drop: ctx.drops[s.index] ?? null,
        crew: ctx.crew[s.index] ?? [],
        busy: ctx.busy[s.index] ?? new Map(),
      })),
      works: ctx.works,
    },
  };
}
