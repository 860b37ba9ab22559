import { formatMoney } from "../domain/money.js";
import type { PlanningModel } from "../model/planning-model.js";

/**
 * What makes a problem infeasible, in the coordinator's words. Every reason is a proof
 * on its own: its condition holds for the problem as stated, and no plan can exist
 * while it does.
 */
export type InfeasibilityCause =
  | "location"
  | "required_person"
  | "no_common_slot"
  | "role"
  | "crew"
  | "equipment"
  | "precedence"
  | "role_capacity"
  | "person_capacity"
  | "equipment_capacity"
  | "project_budget"
  | "total_budget";

export interface InfeasibilityReason {
  readonly cause: InfeasibilityCause;
  /** Ids of the shoots concerned (empty for the total budget). */
  readonly shoots: readonly string[];
  /** One sentence: which shoot, which role, item or day, what is short and by how much. */
  readonly message: string;
}

/** `n noun` with a plain English plural ("1 slot", "3 slots", "2 people"). */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : noun === "person" ? "people" : `${noun}s`}`;
}

/** An amount in minor units as the problem's currency ("1250.50 EUR"). */
export function money(model: PlanningModel, minor: number): string {
  return formatMoney(minor, model.digits, model.problem.currency);
}

/** Working days `first..last` as the start of a sentence ("On 2026-03-02" or "From 2026-03-02 to 2026-03-06"). */
export function during(model: PlanningModel, first: number, last: number): string {
  const from = model.dates[first] ?? "?";
  return first === last ? `On ${from}` : `From ${from} to ${model.dates[last] ?? "?"}`;
}

/** A global slot as a date, with the slot when a day has several ("2026-03-02" or "2026-03-02, slot 1"). */
export function slotText(model: PlanningModel, slot: number): string {
  const date = model.dates[Math.floor(slot / model.slotsPerDay)] ?? "?";
  return model.slotsPerDay === 1 ? date : `${date}, slot ${slot % model.slotsPerDay}`;
}

/** Ids as a short list: "a, b and c", or the first five "and 3 more". */
export function list(ids: readonly string[]): string {
  const shown = ids.length > 6 ? [...ids.slice(0, 5), `${ids.length - 5} more`] : [...ids];
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
