import { expectedWallClock } from "../../src/check/plan-index.js";
import type { ViolationCode } from "../../src/check/violation.js";
import type { Plan, ScheduledShoot } from "../../src/domain/plan-schema.js";
import type { Problem, ProblemInput } from "../../src/domain/problem-schema.js";

/**
 * One tiny problem per rule of the contract (shared/docs/planning-problem.md) in which
 * that rule BINDS: lifted, the optimum would be cheaper or placed differently. Every
 * amount is EUR and hand-computed in the comment of its case.
 *
 * Calendar: 2026-03-02 is a Monday; 2026-03-07/08 are a weekend.
 */
export const MON = "2026-03-02";
export const TUE = "2026-03-03";
export const WED = "2026-03-04";
export const THU = "2026-03-05";
export const FRI = "2026-03-06";
export const MON2 = "2026-03-09";
export const TUE2 = "2026-03-10";

export interface RuleCase {
  /** The key of the table: `family.rule`. */
  readonly rule: string;
  /** The contract sentence the case pins down. */
  readonly contract: string;
  readonly problem: ProblemInput;
  /** `mip` unless the case is about the auto route. */
  readonly strategy?: "mip" | "auto";
  readonly expected: { readonly status: "optimal"; readonly cost: number } | { readonly status: "infeasible" };
  /** The decision the rule forces, as a projection of the optimal plan and its expected value. */
  readonly forces?: Decision;
  /**
   * The formulation side of the rule. `rows`: name prefixes of the row family that
   * enforces it (each must match a row); deleting all of them together from the MILP
   * must make it cheaper (or feasible): the family binds. Tightening rows that restate
   * a rule belong to its family. `names`: variables/rows (prefixes) that must exist.
   * `absent`: exact names the rule must keep out of the model (a rule enforced by
   * never creating the forbidden choice).
   */
  readonly formulation: { readonly rows?: readonly string[]; readonly names?: readonly string[]; readonly absent?: readonly string[] };
  /** The same problem with the rule lifted, and its optimum: cheaper, or placed differently. */
  readonly lifted?: { readonly change: (problem: ProblemInput) => void; readonly cost: number; readonly forces?: Decision };
  /**
   * A plan that breaks exactly this rule and the checker code it must raise: the
   * solver's plan (`from: "plan"`) or the lifted optimum (`from: "lifted"`), after
   * `mutate`, checked against the ORIGINAL problem. The stated cost is removed unless
   * `keepStatedCost` (soft costs are caught as `cost_mismatch`). `alongside`: codes
   * the same single edit necessarily raises too. `cost`: the broken plan's recomputed
   * total, when it shows the rule binds (cheaper than the optimum).
   */
  readonly breaks: {
    readonly code: ViolationCode;
    readonly from: "plan" | "lifted";
    readonly mutate?: (plan: Plan, problem: Problem) => void;
    readonly keepStatedCost?: boolean;
    readonly alongside?: readonly ViolationCode[];
    readonly message?: RegExp;
    readonly cost?: number;
  };
}

export interface Decision {
  readonly what: string;
  readonly of: (plan: Plan) => unknown;
  readonly is: unknown;
}

// ---------------------------------------------------------------- builders

type ShootInput = ProblemInput["shoots"][number];
type PersonInput = ProblemInput["crew"][number];
type LocationInput = ProblemInput["locations"][number];
type ItemInput = NonNullable<ProblemInput["equipment"]>[number];

function problem(p: {
  start: string;
  end: string;
  slotsPerDay?: number;
  shoots: ShootInput[];
  crew?: PersonInput[];
  locations: LocationInput[];
  equipment?: ItemInput[];
  budget?: ProblemInput["budget"];
}): ProblemInput {
  return {
    currency: "EUR",
    horizon: { start: p.start, end: p.end, timeZone: "Europe/Berlin", slotsPerDay: p.slotsPerDay ?? 1 },
    shoots: p.shoots,
    crew: p.crew ?? [],
    locations: p.locations,
    ...(p.equipment === undefined ? {} : { equipment: p.equipment }),
    ...(p.budget === undefined ? {} : { budget: p.budget }),
  };
}

function shoot(id: string, rest: Partial<ShootInput> = {}): ShootInput {
  return { id, title: `Shoot ${id}`, project: "p", durationSlots: 1, ...rest };
}

function person(id: string, dayRate: number, roles: string[], rest: Partial<PersonInput> = {}): PersonInput {
  return { id, name: `Person ${id}`, roles, dayRate, ...rest };
}

function location(id: string, dayFee: number, rest: Partial<LocationInput> = {}): LocationInput {
  return { id, name: `Location ${id}`, dayFee, ...rest };
}

function item(id: string, owned: number, rest: Partial<ItemInput> = {}): ItemInput {
  return { id, name: `Item ${id}`, owned, ...rest };
}

const photographer = { photographer: 1 };

// ---------------------------------------------------------------- problem edits (for `lifted`)

function find<T extends { id: string }>(list: readonly T[] | undefined, id: string): T {
  const found = list?.find((x) => x.id === id);
  if (found === undefined) throw new Error(`test case refers to unknown id ${id}`);
  return found;
}
export const shootIn = (p: ProblemInput, id: string): ShootInput => find(p.shoots, id);
export const personIn = (p: ProblemInput, id: string): PersonInput => find(p.crew, id);
export const locationIn = (p: ProblemInput, id: string): LocationInput => find(p.locations, id);
export const itemIn = (p: ProblemInput, id: string): ItemInput => find(p.equipment, id);

// ---------------------------------------------------------------- plan projections and edits

export function entry(plan: Plan, id: string): ScheduledShoot {
  const found = plan.shoots.find((s) => s.shoot === id);
  if (found === undefined) throw new Error(`shoot ${id} is not scheduled in the plan`);
  return found;
}

/** Where and when a shoot is: `{ days, firstSlot, location }`. */
export function where(plan: Plan, id: string): { days: string[]; firstSlot: number; location: string } {
  const e = entry(plan, id);
  return { days: e.days, firstSlot: e.firstSlot, location: e.location };
}

/** Crew of a shoot as sorted `person:role` strings (`person:-` for an attendee). */
export function crewOf(plan: Plan, id: string): string[] {
  return entry(plan, id)
    .crew.map((c) => `${c.person}:${c.role ?? "-"}`)
    .sort();
}

/** Moves a shoot, keeping its stated wall-clock start and end consistent with the calendar. */
export function reschedule(problem: Problem, plan: Plan, id: string, change: { days?: string[]; firstSlot?: number; location?: string }): void {
  const e = entry(plan, id);
  if (change.days !== undefined) e.days = change.days;
  if (change.firstSlot !== undefined) e.firstSlot = change.firstSlot;
  if (change.location !== undefined) e.location = change.location;
  const clock = expectedWallClock(problem.horizon, e);
  e.start = clock.start;
  e.end = clock.end;
}

export function setCrew(plan: Plan, id: string, crew: { person: string; role: string | null }[]): void {
  entry(plan, id).crew = crew;
}

const otherOf = (day: string, a: string, b: string): string => (day === a ? b : a);

// ---------------------------------------------------------------- the table

/**
 * Two shoots of one slot with a photographer (ana, 100) at L (50/day), two slots a
 * day: together on one day they cost one person-day and one location-day (150);
 * on two days, 300. The anchor `s0` is pinned by `anchorWindow`; the window of `s1`
 * is the rule under test.
 */
function pairOnTwoDays(start: string, end: string, anchorWindow: Partial<ShootInput>, window: Partial<ShootInput>): ProblemInput {
  return problem({
    start,
    end,
    slotsPerDay: 2,
    locations: [location("L", 50)],
    crew: [person("ana", 100, ["photographer"])],
    shoots: [shoot("s0", { roles: photographer, ...anchorWindow }), shoot("s1", { roles: photographer, ...window })],
  });
}

/**
 * Project budgets, shared by the "forces" and "infeasible" cases. One day, one slot;
 * location fee 0 (capacity 2), so only crew and penalties count.
 * - a1 (project A) needs a photographer: dan (100, photographer and stylist) or
 *   pia (300, photographer).
 * - b1 (project B) needs a stylist and prefers dan (penalty 250): dan (100) or
 *   sam (100, stylist) + 250.
 * dan cannot be on both (same slot).
 * X: pia on a1, dan on b1 = 300 + 100 = 400 (A 300, B 100).
 * Y: dan on a1, sam on b1 = 100 + 100 + 250 = 450 (A 100, B 350).
 * Unconstrained optimum X (400). A cap of 200 on A forces Y (450); a cap of 99 on A
 * admits neither (A's cheapest is 100): infeasible.
 */
function projectBudget(capA: number | null): ProblemInput {
  return problem({
    start: MON,
    end: MON,
    locations: [location("L", 0, { capacity: 2 })],
    crew: [person("dan", 100, ["photographer", "stylist"]), person("pia", 300, ["photographer"]), person("sam", 100, ["stylist"])],
    shoots: [
      shoot("a1", { project: "A", roles: photographer }),
      shoot("b1", { project: "B", roles: { stylist: 1 }, preferredPeople: ["dan"], preferencePenalty: 250 }),
    ],
    ...(capA === null ? {} : { budget: { projects: { A: capA } } }),
  });
}

/** See the case `budget.projectCapSharedDayRounded`. */
function sharedDayBudget(capA: number | null): ProblemInput {
  return problem({
    start: MON,
    end: MON,
    slotsPerDay: 3,
    locations: [location("L", 0, { capacity: 2 })],
    crew: [person("dan", 100, ["photographer", "stylist"]), person("eli", 50, ["photographer"]), person("sam", 100, ["stylist"])],
    shoots: [
      shoot("a1", { project: "A", roles: photographer }),
      shoot("b1", { project: "B", durationSlots: 2, roles: { stylist: 1 }, preferredPeople: ["sam"], preferencePenalty: 80 }),
    ],
    ...(capA === null ? {} : { budget: { projects: { A: capA } } }),
  });
}

/**
 * Regression, not a binding case: one person-day shared by a1 (project A, 1 of 3 slots)
 * and b1 (project B, 2 slots). The only plan costs 100 with A = 33.33 (3333.33 cents,
 * rounded down by largest remainder). A cap of exactly 33.33 on A is met.
 */
export function roundedShareAtCap(capA: number): ProblemInput {
  return problem({
    start: MON,
    end: MON,
    slotsPerDay: 3,
    locations: [location("L", 0, { capacity: 2 })],
    crew: [person("ana", 100, ["photographer"])],
    shoots: [shoot("a1", { project: "A", roles: photographer }), shoot("b1", { project: "B", durationSlots: 2, roles: photographer })],
    budget: { projects: { A: capA } },
  });
}

/**
 * Regression: three 2-day shoots share L (0.02/day, capacity 3) on both days of the
 * horizon. Each day 2 cents split 1:1:1 give floors 0 and equal remainders, so the
 * spare cents go to the smaller ids x1 and x2: z (project A) pays 0 on each day.
 * A cap of 0 on A is met (total 0.04).
 */
export function multiDayLocationShareAtCap(): ProblemInput {
  return problem({
    start: MON,
    end: TUE,
    locations: [location("L", 0.02, { capacity: 3 })],
    shoots: ["x1", "x2", "z"].map((id) => shoot(id, { project: id === "z" ? "A" : "Q", durationSlots: 2 })),
    budget: { projects: { A: 0 } },
  });
}

export const ruleCases: readonly RuleCase[] = [
  // ------------------------------------------------------------ time
  {
    rule: "window.notBefore",
    contract: "A shoot starts on or after its not-before date.",
    // s0 must be Mon (deadline), s1 not before Tue: 2 x (ana 100 + L 50) = 300.
    // Lifted: s1 shares Monday with s0 in the other slot: 100 + 50 = 150.
    problem: pairOnTwoDays(MON, TUE, { deadline: MON }, { notBefore: TUE }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "s1 on Tuesday", of: (p) => where(p, "s1").days, is: [TUE] },
    formulation: { absent: [`start[shoot=s1,slot=${MON}s0,location=L]`, `start[shoot=s1,slot=${MON}s1,location=L]`] },
    lifted: { change: (p) => void delete shootIn(p, "s1").notBefore, cost: 150, forces: { what: "s1 on Monday", of: (p) => where(p, "s1").days, is: [MON] } },
    breaks: { code: "before_not_before", from: "lifted" },
  },
  {
    rule: "window.deadline",
    contract: "A shoot ends on or before its deadline.",
    // s0 must be Wed (not before), s1 by Tue: 2 x (100 + 50) = 300; lifted: both Wed, 150.
    problem: pairOnTwoDays(TUE, WED, { notBefore: WED }, { deadline: TUE }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "s1 on Tuesday", of: (p) => where(p, "s1").days, is: [TUE] },
    formulation: { absent: [`start[shoot=s1,slot=${WED}s0,location=L]`, `start[shoot=s1,slot=${WED}s1,location=L]`] },
    lifted: { change: (p) => void delete shootIn(p, "s1").deadline, cost: 150, forces: { what: "s1 on Wednesday", of: (p) => where(p, "s1").days, is: [WED] } },
    breaks: { code: "after_deadline", from: "lifted" },
  },
  {
    rule: "calendar.dayBoundary",
    contract: "A shoot never crosses a day boundary (a one-day shoot stays within its day).",
    // Two slots a day, s1 lasts 2 slots (a whole day). Cheap cat (100) is free only Mon
    // afternoon and Tue morning; dev (300) always. Within one day: dev 300 + L 50 = 350.
    // Across the boundary (Mon slot 1 -> Tue slot 0) cat could do it: 2 x (100 + 50) = 300.
    problem: problem({
      start: MON,
      end: TUE,
      slotsPerDay: 2,
      locations: [location("L", 50)],
      crew: [
        person("cat", 100, ["photographer"], { available: [{ from: MON, slots: [1] }, { from: TUE, slots: [0] }] }),
        person("dev", 300, ["photographer"]),
      ],
      shoots: [shoot("s1", { durationSlots: 2, roles: photographer })],
    }),
    expected: { status: "optimal", cost: 350 },
    forces: { what: "one whole day with dev", of: (p) => ({ days: where(p, "s1").days.length, firstSlot: where(p, "s1").firstSlot, crew: crewOf(p, "s1") }), is: { days: 1, firstSlot: 0, crew: ["dev:photographer"] } },
    formulation: { absent: [`start[shoot=s1,slot=${MON}s1,location=L]`, `fill[shoot=s1,person=cat,role=photographer]`] },
    breaks: {
      code: "slot_out_of_day",
      from: "plan",
      mutate: (plan, pr) => {
        reschedule(pr, plan, "s1", { days: [MON, TUE], firstSlot: 1 });
        setCrew(plan, "s1", [{ person: "cat", role: "photographer" }]);
      },
      cost: 300,
    },
  },
  {
    rule: "calendar.multiDayConsecutive",
    contract: "A multi-day shoot takes consecutive working days; a weekend in between is skipped, not worked.",
    // Working days Mon 2 .. Fri 6 and Mon 9. s1 lasts 2 days. eve (100) is free Mon 2
    // and Wed 4 only (not consecutive); fay (250) Fri 6 and Mon 9 only, which ARE
    // consecutive working days across the weekend. fay: 2 x (250 + L 50) = 600 (the
    // weekend is neither worked nor paid). Non-consecutive Mon + Wed with eve: 300.
    problem: problem({
      start: MON,
      end: MON2,
      locations: [location("L", 50)],
      crew: [
        person("eve", 100, ["photographer"], { available: [{ from: MON }, { from: WED }] }),
        person("fay", 250, ["photographer"], { available: [{ from: FRI }, { from: MON2 }] }),
      ],
      shoots: [shoot("s1", { durationSlots: 2, roles: photographer })],
    }),
    expected: { status: "optimal", cost: 600 },
    forces: { what: "Fri + Mon with fay", of: (p) => ({ days: where(p, "s1").days, crew: crewOf(p, "s1") }), is: { days: [FRI, MON2], crew: ["fay:photographer"] } },
    formulation: { absent: ["fill[shoot=s1,person=eve,role=photographer]"] },
    breaks: {
      code: "days_not_consecutive",
      from: "plan",
      mutate: (plan, pr) => {
        reschedule(pr, plan, "s1", { days: [MON, WED] });
        setCrew(plan, "s1", [{ person: "eve", role: "photographer" }]);
      },
      cost: 300,
    },
  },

  // ------------------------------------------------------------ locations
  {
    rule: "location.allowedList",
    contract: "A shoot uses a location from its allowed list.",
    // a (50) is cheaper but not allowed: ana 100 + b 200 = 300; lifted: 100 + 50 = 150.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("a", 50), location("b", 200)],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, locations: ["b"] })],
    }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "location b", of: (p) => where(p, "s1").location, is: "b" },
    formulation: { absent: [`start[shoot=s1,slot=${MON}s0,location=a]`] },
    lifted: { change: (p) => void delete shootIn(p, "s1").locations, cost: 150 },
    breaks: { code: "location_not_allowed", from: "lifted" },
  },
  {
    rule: "location.requiredFeatures",
    contract: "A shoot uses a location with every required feature.",
    // Only b (200) has a cyclorama: 100 + 200 = 300; lifted: a, 150.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("a", 50), location("b", 200, { features: ["cyclorama"] })],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, requiredFeatures: ["cyclorama"] })],
    }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "location b", of: (p) => where(p, "s1").location, is: "b" },
    formulation: { absent: [`start[shoot=s1,slot=${MON}s0,location=a]`] },
    lifted: { change: (p) => void (shootIn(p, "s1").requiredFeatures = []), cost: 150 },
    breaks: { code: "location_not_allowed", from: "lifted" },
  },
  {
    rule: "location.availability",
    contract: "A location is booked only in its available slots.",
    // Two slots a day, s1 fills Monday; a (50) is not bookable Monday morning: b, 100 + 200 = 300.
    problem: problem({
      start: MON,
      end: MON,
      slotsPerDay: 2,
      locations: [location("a", 50, { unavailable: [{ from: MON, slots: [0] }] }), location("b", 200)],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { durationSlots: 2, roles: photographer })],
    }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "location b", of: (p) => where(p, "s1").location, is: "b" },
    formulation: { absent: [`start[shoot=s1,slot=${MON}s0,location=a]`] },
    lifted: { change: (p) => void (locationIn(p, "a").unavailable = []), cost: 150 },
    breaks: { code: "location_unavailable", from: "lifted" },
  },
  {
    rule: "location.capacity1",
    contract: "A location holds at most `capacity` shoots at once (default 1).",
    // One day, two shoots, two photographers (100 each). a (50) holds one: a + b (200):
    // 200 + 50 + 200 = 450. Lifted (capacity 2): both at a, 250.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("a", 50), location("b", 200)],
      crew: [person("ana", 100, ["photographer"]), person("ben", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer }), shoot("s2", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 450 },
    forces: { what: "one shoot at a, one at b", of: (p) => [where(p, "s1").location, where(p, "s2").location].sort(), is: ["a", "b"] },
    formulation: { rows: [`capacity[location=a,slot=${MON}s0]`] },
    lifted: { change: (p) => void (locationIn(p, "a").capacity = 2), cost: 250 },
    breaks: { code: "location_over_capacity", from: "lifted" },
  },
  {
    rule: "location.capacity2",
    contract: "A location of capacity 2 holds two shoots at once, not three.",
    // Three shoots, three photographers (300). a (50, capacity 2) takes two, b (200)
    // the third: 300 + 50 + 200 = 550. Lifted (capacity 3): 350.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("a", 50, { capacity: 2 }), location("b", 200)],
      crew: [person("ana", 100, ["photographer"]), person("ben", 100, ["photographer"]), person("cy", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer }), shoot("s2", { roles: photographer }), shoot("s3", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 550 },
    forces: { what: "two shoots at a, one at b", of: (p) => ["s1", "s2", "s3"].map((s) => where(p, s).location).sort(), is: ["a", "a", "b"] },
    formulation: { rows: [`capacity[location=a,slot=${MON}s0]`] },
    lifted: { change: (p) => void (locationIn(p, "a").capacity = 3), cost: 350 },
    breaks: { code: "location_over_capacity", from: "lifted" },
  },
  {
    rule: "location.dayFeeOncePerDay",
    contract: "A location's day fee is paid once for every day it is used, however many shoots.",
    // Two half-day shoots without crew at L (200/day, capacity 1), Mon-Tue: the same
    // day (two slots) costs 200; two days 400. The solver clusters them.
    problem: problem({
      start: MON,
      end: TUE,
      slotsPerDay: 2,
      locations: [location("L", 200)],
      shoots: [shoot("s1"), shoot("s2")],
    }),
    expected: { status: "optimal", cost: 200 },
    forces: { what: "both shoots on one day, in different slots", of: (p) => ({ same: where(p, "s1").days[0] === where(p, "s2").days[0], slots: [where(p, "s1").firstSlot, where(p, "s2").firstSlot].sort() }), is: { same: true, slots: [0, 1] } },
    formulation: { rows: ["capacity[location=L,", "usedShoot[location=L,"], names: [`used[location=L,date=${MON}]`] },
    breaks: {
      code: "cost_mismatch",
      from: "plan",
      // Moving s2 to the other day keeps every hard rule but pays a second day (400).
      mutate: (plan, pr) => reschedule(pr, plan, "s2", { days: [otherOf(where(plan, "s2").days[0] ?? "", MON, TUE)] }),
      keepStatedCost: true,
      message: /locations cost/,
      cost: 400,
    },
  },

  // ------------------------------------------------------------ staffing
  {
    rule: "roles.count",
    contract: "Each role is filled by exactly the number of people needed.",
    // Two assistants from 50, 60, 70 (fee 0): 50 + 60 = 110. Lifted (one needed): 50.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("a1", 50, ["assistant"]), person("a2", 60, ["assistant"]), person("a3", 70, ["assistant"])],
      shoots: [shoot("s1", { roles: { assistant: 2 } })],
    }),
    expected: { status: "optimal", cost: 110 },
    forces: { what: "the two cheapest assistants", of: (p) => crewOf(p, "s1"), is: ["a1:assistant", "a2:assistant"] },
    // `staffed` and `crewed` (relaxation tightenings) restate the count per start: the family is all three.
    formulation: { rows: ["cover[shoot=s1,role=assistant]", "staffed[shoot=s1,", "crewed[shoot=s1,"] },
    lifted: { change: (p) => void (shootIn(p, "s1").roles = { assistant: 1 }), cost: 50 },
    breaks: { code: "role_count_wrong", from: "lifted" },
  },
  {
    rule: "roles.onePerPerson",
    contract: "One person fills at most one role in a shoot.",
    // s1 needs a photographer and a stylist. gus (100) holds both; hal stylist 150, ivy
    // photographer 200. gus + hal = 250 (gus + ivy = 300). gus in both roles would be 100.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("gus", 100, ["photographer", "stylist"]), person("hal", 150, ["stylist"]), person("ivy", 200, ["photographer"])],
      shoots: [shoot("s1", { roles: { photographer: 1, stylist: 1 } })],
    }),
    expected: { status: "optimal", cost: 250 },
    forces: { what: "gus photographs, hal styles", of: (p) => crewOf(p, "s1"), is: ["gus:photographer", "hal:stylist"] },
    formulation: { names: ["oneRole[shoot=s1,person=gus]"] },
    breaks: {
      code: "person_twice_in_shoot",
      from: "plan",
      mutate: (plan) => setCrew(plan, "s1", [{ person: "gus", role: "photographer" }, { person: "gus", role: "stylist" }]),
      // The checker counts only gus's first listing, so the stylist is then missing too.
      alongside: ["role_count_wrong"],
      cost: 100,
    },
  },
  {
    rule: "roles.personHoldsRole",
    contract: "People fill only roles they hold.",
    // jo (50) is a stylist only; kim (200) photographs: 200. Lifted (jo photographs): 50.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("jo", 50, ["stylist"]), person("kim", 200, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 200 },
    forces: { what: "kim photographs", of: (p) => crewOf(p, "s1"), is: ["kim:photographer"] },
    formulation: { absent: ["fill[shoot=s1,person=jo,role=photographer]", "attend[shoot=s1,person=jo]"] },
    lifted: { change: (p) => void (personIn(p, "jo").roles = ["stylist", "photographer"]), cost: 50 },
    breaks: { code: "person_lacks_role", from: "lifted" },
  },
  {
    rule: "required.holdingRoleFillsIt",
    contract: "A required person who holds a needed role fills it (not in addition).",
    // lea (100) and max (300) photograph; max is required. max fills the one
    // photographer role: 300 (not lea + max attending = 400). Lifted (no requirement): lea, 100.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("lea", 100, ["photographer"]), person("max", 300, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, requiredPeople: ["max"] })],
    }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "max fills the photographer role", of: (p) => crewOf(p, "s1"), is: ["max:photographer"] },
    formulation: { rows: ["required[shoot=s1,person=max]"], absent: ["attend[shoot=s1,person=max]"] },
    lifted: { change: (p) => void (shootIn(p, "s1").requiredPeople = []), cost: 100 },
    breaks: { code: "required_person_missing", from: "lifted" },
  },
  {
    rule: "required.withoutRoleAttends",
    contract: "A required person who holds none of the needed roles attends in addition, booked and paid.",
    // Model mo (500, no roles) is required; lea photographs (100): 600. Lifted: 100.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("lea", 100, ["photographer"]), person("mo", 500, [])],
      shoots: [shoot("s1", { roles: photographer, requiredPeople: ["mo"] })],
    }),
    expected: { status: "optimal", cost: 600 },
    forces: { what: "lea photographs, mo attends", of: (p) => crewOf(p, "s1"), is: ["lea:photographer", "mo:-"] },
    // `crewed` counts required attendees too, so it carries the rule with `required`.
    formulation: { rows: ["required[shoot=s1,person=mo]", "crewed[shoot=s1,"], names: ["attend[shoot=s1,person=mo]"] },
    lifted: { change: (p) => void (shootIn(p, "s1").requiredPeople = []), cost: 100 },
    breaks: { code: "required_person_missing", from: "lifted" },
  },
  {
    rule: "preferred.assignedWhenPenaltyExceedsExtraCost",
    contract: "Each preferred person not assigned costs the shoot's preference penalty.",
    // lea 100, nia 150 (preferred, penalty 80): nia 150 < lea 100 + 80 = 180 -> nia, 150.
    // Lifted (penalty 0): lea, 100; that plan states 100 but costs 180 under the penalty.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("lea", 100, ["photographer"]), person("nia", 150, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, preferredPeople: ["nia"], preferencePenalty: 80 })],
    }),
    expected: { status: "optimal", cost: 150 },
    forces: { what: "nia assigned, no penalty", of: (p) => ({ crew: crewOf(p, "s1"), penalty: p.cost?.byCategory.preferences }), is: { crew: ["nia:photographer"], penalty: 0 } },
    formulation: { rows: ["preferred[shoot=s1,person=nia]"] },
    lifted: { change: (p) => void (shootIn(p, "s1").preferencePenalty = 0), cost: 100 },
    breaks: { code: "cost_mismatch", from: "lifted", keepStatedCost: true, message: /preferences cost/ },
  },
  {
    rule: "preferred.missedWhenPenaltyBelowExtraCost",
    contract: "Preferences trade against cost: a penalty below the extra cost is paid instead.",
    // Penalty 30: lea 100 + 30 = 130 < nia 150 -> lea, 130 (preferences 30).
    // Lifted (penalty 0): 100.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("lea", 100, ["photographer"]), person("nia", 150, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, preferredPeople: ["nia"], preferencePenalty: 30 })],
    }),
    expected: { status: "optimal", cost: 130 },
    forces: { what: "lea assigned, penalty paid", of: (p) => ({ crew: crewOf(p, "s1"), penalty: p.cost?.byCategory.preferences }), is: { crew: ["lea:photographer"], penalty: 30 } },
    formulation: { rows: ["preferred[shoot=s1,person=nia]"], names: ["miss[shoot=s1,person=nia]"] },
    lifted: { change: (p) => void (shootIn(p, "s1").preferencePenalty = 0), cost: 100 },
    breaks: {
      code: "cost_mismatch",
      from: "plan",
      // Swapping in nia keeps every hard rule; the stated 130 no longer matches 150.
      mutate: (plan) => setCrew(plan, "s1", [{ person: "nia", role: "photographer" }]),
      keepStatedCost: true,
      message: /preferences cost/,
      cost: 150,
    },
  },
  {
    rule: "person.availabilityDate",
    contract: "People work only on dates they are available.",
    // ana (100) is away Monday: ola (300) + L 50 = 350. Lifted: 150.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 50)],
      crew: [person("ana", 100, ["photographer"], { unavailable: [{ from: MON }] }), person("ola", 300, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 350 },
    forces: { what: "ola photographs", of: (p) => crewOf(p, "s1"), is: ["ola:photographer"] },
    formulation: { absent: ["fill[shoot=s1,person=ana,role=photographer]"] },
    lifted: { change: (p) => void (personIn(p, "ana").unavailable = []), cost: 150 },
    breaks: { code: "person_unavailable", from: "lifted" },
  },
  {
    rule: "person.availabilitySlot",
    contract: "People work only in the slots they are available.",
    // Two slots; L is bookable only Monday morning; ana (100) is away Monday morning:
    // ola (300) + 50 = 350 in slot 0. Lifted: ana, 150.
    problem: problem({
      start: MON,
      end: MON,
      slotsPerDay: 2,
      locations: [location("L", 50, { available: [{ from: MON, slots: [0] }] })],
      crew: [person("ana", 100, ["photographer"], { unavailable: [{ from: MON, slots: [0] }] }), person("ola", 300, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 350 },
    forces: { what: "Monday morning with ola", of: (p) => ({ slot: where(p, "s1").firstSlot, crew: crewOf(p, "s1") }), is: { slot: 0, crew: ["ola:photographer"] } },
    formulation: { absent: ["fill[shoot=s1,person=ana,role=photographer]", `start[shoot=s1,slot=${MON}s1,location=L]`] },
    lifted: { change: (p) => void (personIn(p, "ana").unavailable = []), cost: 150 },
    breaks: { code: "person_unavailable", from: "lifted" },
  },
  {
    rule: "person.noDoubleBooking",
    contract: "A person is never in two shoots whose slots overlap.",
    // One slot, two shoots (L fee 0, capacity 2); ana 100, ola 300: ana + ola = 400.
    // ana on both would cost one day, 100.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0, { capacity: 2 })],
      crew: [person("ana", 100, ["photographer"]), person("ola", 300, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer }), shoot("s2", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 400 },
    forces: { what: "ana on one shoot, ola on the other", of: (p) => [...crewOf(p, "s1"), ...crewOf(p, "s2")].sort(), is: ["ana:photographer", "ola:photographer"] },
    formulation: { rows: [`noOverlap[person=ana,slot=${MON}s0]`] },
    breaks: {
      code: "person_double_booked",
      from: "plan",
      mutate: (plan) => {
        setCrew(plan, "s1", [{ person: "ana", role: "photographer" }]);
        setCrew(plan, "s2", [{ person: "ana", role: "photographer" }]);
      },
      cost: 100,
    },
  },

  // ------------------------------------------------------------ crew billing and limits
  {
    rule: "billing.workedDayOncePerDay",
    contract: "A day rate is paid once for every day worked, however many shoots that day.",
    // Two half-day shoots, ana (100) the only photographer, L fee 0: the same day costs
    // 100, two days 200. The solver puts them on one day.
    problem: problem({
      start: MON,
      end: TUE,
      slotsPerDay: 2,
      locations: [location("L", 0)],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer }), shoot("s2", { roles: photographer })],
    }),
    expected: { status: "optimal", cost: 100 },
    forces: { what: "both shoots on one day", of: (p) => where(p, "s1").days[0] === where(p, "s2").days[0], is: true },
    // `worksShoot` (a tightening for several slots a day) also links busy to works.
    formulation: { rows: ["noOverlap[person=ana,", "worksShoot[person=ana,"], names: [`works[person=ana,date=${MON}]`] },
    breaks: {
      code: "cost_mismatch",
      from: "plan",
      mutate: (plan, pr) => reschedule(pr, plan, "s2", { days: [otherOf(where(plan, "s2").days[0] ?? "", MON, TUE)] }),
      keepStatedCost: true,
      message: /crewWorkedDays cost/,
      cost: 200,
    },
  },
  {
    rule: "billing.holdIdleDayPaid",
    contract: "Hold billing pays every working day from the first to the last day worked, idle days included.",
    // Talent hu (hold, 100) is required on s1 (Mon) and s2 (Wed): worked 200 + idle Tue
    // 100 = 300. Lifted (worked billing): 200.
    problem: problem({
      start: MON,
      end: WED,
      locations: [location("L", 0)],
      crew: [person("hu", 100, [], { billing: "hold" })],
      shoots: [shoot("s1", { deadline: MON, requiredPeople: ["hu"] }), shoot("s2", { notBefore: WED, requiredPeople: ["hu"] })],
    }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "Tuesday paid as a hold day", of: (p) => p.cost?.byCategory.crewHoldDays, is: 100 },
    formulation: { rows: [`holdPaid[person=hu,date=${TUE}]`] },
    lifted: { change: (p) => void (personIn(p, "hu").billing = "worked"), cost: 200 },
    breaks: { code: "cost_mismatch", from: "lifted", keepStatedCost: true, message: /crewHoldDays cost/ },
  },
  {
    rule: "billing.holdClustersShoots",
    contract: "Hold billing makes shooting order matter: the solver clusters a hold-billed person's shoots.",
    // hu (hold, 100) on s1 (Mon, deadline) and s2 (any day; one slot a day, L capacity 1,
    // so not Monday). s2 needs a camera: the one owned is away Tue-Wed (rental 30).
    // s2 Tue: 200 + 30 = 230; Wed: 300 + 30 = 330; Thu: 400 + 0. -> Tue, 230.
    // Lifted (worked billing): Tue 230, Wed 230, Thu 200 -> Thu, 200.
    problem: problem({
      start: MON,
      end: THU,
      locations: [location("L", 0)],
      crew: [person("hu", 100, [], { billing: "hold" })],
      equipment: [item("cam", 1, { unavailable: [{ from: TUE, to: WED }], rental: { dayRate: 30, maxUnits: 1 } })],
      shoots: [shoot("s1", { deadline: MON, requiredPeople: ["hu"] }), shoot("s2", { requiredPeople: ["hu"], equipment: { cam: 1 } })],
    }),
    expected: { status: "optimal", cost: 230 },
    forces: { what: "s2 right after s1, renting", of: (p) => ({ days: where(p, "s2").days, rentals: p.rentals }), is: { days: [TUE], rentals: [{ item: "cam", date: TUE, units: 1 }] } },
    formulation: { rows: ["holdPaid[person=hu,"] },
    lifted: { change: (p) => void (personIn(p, "hu").billing = "worked"), cost: 200, forces: { what: "s2 on Thursday", of: (p) => where(p, "s2").days, is: [THU] } },
    // Under hold billing the lifted plan (s2 Thursday) costs 400, not the stated 200.
    breaks: { code: "cost_mismatch", from: "lifted", keepStatedCost: true, message: /crewHoldDays cost/ },
  },
  {
    rule: "crew.maxDays",
    contract: "A person works at most maxDays days in the horizon.",
    // s1 Mon, s2 Tue; ana (100, maxDays 1), ola (200): 100 + 200 = 300. Lifted: ana twice, 200.
    problem: problem({
      start: MON,
      end: TUE,
      locations: [location("L", 0)],
      crew: [person("ana", 100, ["photographer"], { maxDays: 1 }), person("ola", 200, ["photographer"])],
      shoots: [shoot("s1", { deadline: MON, roles: photographer }), shoot("s2", { notBefore: TUE, roles: photographer })],
    }),
    expected: { status: "optimal", cost: 300 },
    forces: { what: "ana on one shoot, ola on the other", of: (p) => [...crewOf(p, "s1"), ...crewOf(p, "s2")].sort(), is: ["ana:photographer", "ola:photographer"] },
    formulation: { rows: ["maxDays[person=ana]"] },
    lifted: { change: (p) => void delete personIn(p, "ana").maxDays, cost: 200 },
    breaks: { code: "max_days_exceeded", from: "lifted" },
  },
  {
    rule: "crew.maxConsecutiveDays",
    contract: "A person works at most K consecutive calendar days; any day off, a weekend too, ends a run.",
    // Working days Wed 4, Thu 5, Fri 6, Mon 9, one pinned shoot each; ana (100, at most
    // 1 consecutive day), ola (250). ana can take Wed and Fri (Thu between them) and
    // Mon (the weekend ended her run): 3 x 100 + ola on Thu 250 = 550.
    // If Fri -> Mon counted as consecutive it would be 700; lifted: ana on all, 400.
    problem: problem({
      start: WED,
      end: MON2,
      locations: [location("L", 0)],
      crew: [person("ana", 100, ["photographer"], { maxConsecutiveDays: 1 }), person("ola", 250, ["photographer"])],
      shoots: [WED, THU, FRI, MON2].map((d, i) => shoot(`d${i + 1}`, { notBefore: d, deadline: d, roles: photographer })),
    }),
    expected: { status: "optimal", cost: 550 },
    forces: { what: "ola only on Thursday", of: (p) => ["d1", "d2", "d3", "d4"].map((s) => crewOf(p, s).join()), is: ["ana:photographer", "ola:photographer", "ana:photographer", "ana:photographer"] },
    // Windows Wed-Thu and Thu-Fri get a row; Fri-Mon spans a weekend and needs none.
    formulation: { rows: ["maxConsecutive[person=ana,"], names: [`maxConsecutive[person=ana,from=${WED}]`, `maxConsecutive[person=ana,from=${THU}]`], absent: [`maxConsecutive[person=ana,from=${FRI}]`] },
    lifted: { change: (p) => void delete personIn(p, "ana").maxConsecutiveDays, cost: 400 },
    breaks: { code: "max_consecutive_days_exceeded", from: "lifted" },
  },

  // ------------------------------------------------------------ equipment
  {
    rule: "equipment.ownedStock",
    contract: "In every slot, units in use never exceed the owned units available (no rental here).",
    // Two slots; a (fee 0, capacity 2) is bookable only Monday morning, b (100) only
    // Monday afternoon; one camera owned, each shoot needs it. Both at a in the morning
    // would need two: one goes to b in the afternoon, 100. Lifted (2 owned): both at a, 0.
    problem: problem({
      start: MON,
      end: MON,
      slotsPerDay: 2,
      locations: [location("a", 0, { capacity: 2, available: [{ from: MON, slots: [0] }] }), location("b", 100, { available: [{ from: MON, slots: [1] }] })],
      equipment: [item("cam", 1)],
      shoots: [shoot("s1", { equipment: { cam: 1 } }), shoot("s2", { equipment: { cam: 1 } })],
    }),
    expected: { status: "optimal", cost: 100 },
    forces: { what: "one shoot per slot", of: (p) => [where(p, "s1"), where(p, "s2")].map((w) => `${w.location}@${w.firstSlot}`).sort(), is: ["a@0", "b@1"] },
    formulation: { rows: [`stock[item=cam,slot=${MON}s0]`] },
    lifted: { change: (p) => void (itemIn(p, "cam").owned = 2), cost: 0 },
    breaks: { code: "equipment_short", from: "lifted" },
  },
  {
    rule: "equipment.maintenance",
    contract: "On an item's unavailable dates no owned unit is available; rentals still are.",
    // s1 needs 2 cameras (2 owned, away Monday; rental 30). a (50) is bookable Monday
    // only, b (100) always; ana 100. Mon at a: 100 + 50 + 60 = 210; Tue at b: 200.
    // Lifted (no maintenance): Mon at a, 150.
    problem: problem({
      start: MON,
      end: TUE,
      locations: [location("a", 50, { available: [{ from: MON }] }), location("b", 100)],
      crew: [person("ana", 100, ["photographer"])],
      equipment: [item("cam", 2, { unavailable: [{ from: MON }], rental: { dayRate: 30, maxUnits: 2 } })],
      shoots: [shoot("s1", { roles: photographer, equipment: { cam: 2 } })],
    }),
    expected: { status: "optimal", cost: 200 },
    forces: { what: "Tuesday at b, nothing rented", of: (p) => ({ ...where(p, "s1"), rentals: p.rentals }), is: { days: [TUE], firstSlot: 0, location: "b", rentals: [] } },
    formulation: { rows: [`stock[item=cam,slot=${MON}s0]`], names: [`rent[item=cam,date=${MON}]`], absent: [`rent[item=cam,date=${TUE}]`] },
    lifted: { change: (p) => void (itemIn(p, "cam").unavailable = []), cost: 150 },
    breaks: { code: "equipment_short", from: "lifted" },
  },
  {
    rule: "equipment.rentalAtCost",
    contract: "Extra units are rented at their cost per unit per day.",
    // s1 needs 3 cameras, 1 owned, rental 25/unit/day: 2 rented = 50, + ana 100 = 150.
    // Lifted (3 owned): 100.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("ana", 100, ["photographer"])],
      equipment: [item("cam", 1, { rental: { dayRate: 25, maxUnits: 3 } })],
      shoots: [shoot("s1", { roles: photographer, equipment: { cam: 3 } })],
    }),
    expected: { status: "optimal", cost: 150 },
    forces: { what: "two units rented, 50", of: (p) => ({ rentals: p.rentals, cost: p.cost?.byCategory.rentals }), is: { rentals: [{ item: "cam", date: MON, units: 2 }], cost: 50 } },
    formulation: { rows: [`stock[item=cam,slot=${MON}s0]`], names: [`rent[item=cam,date=${MON}]`] },
    lifted: { change: (p) => void (itemIn(p, "cam").owned = 3), cost: 100 },
    breaks: { code: "equipment_short", from: "lifted" },
  },
  {
    rule: "equipment.rentalCap",
    contract: "At most maxUnits can be rented per day; beyond that a mandatory shoot is infeasible.",
    // s1 needs 4 cameras, 1 owned, at most 2 rentable: infeasible. Lifted (3 rentable):
    // ana 100 + 3 x 25 = 175, and that plan rents 3 > 2.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 0)],
      crew: [person("ana", 100, ["photographer"])],
      equipment: [item("cam", 1, { rental: { dayRate: 25, maxUnits: 2 } })],
      shoots: [shoot("s1", { roles: photographer, equipment: { cam: 4 } })],
    }),
    expected: { status: "infeasible" },
    formulation: { rows: [`stock[item=cam,slot=${MON}s0]`] },
    lifted: {
      change: (p) => {
        const cam = itemIn(p, "cam");
        cam.rental = { dayRate: 25, maxUnits: 3 };
      },
      cost: 175,
      forces: { what: "three units rented", of: (p) => p.rentals, is: [{ item: "cam", date: MON, units: 3 }] },
    },
    breaks: { code: "rental_over_cap", from: "lifted" },
  },
  {
    rule: "equipment.rentedAcrossHalfDaySlots",
    contract: "Units in use are counted per slot; a unit rented for a day serves all its slots.",
    // Two slots, one day; L (50, capacity 3); 1 camera owned, rental 40 (max 2). sA fills
    // the day, sB and sC take half a day each; each needs a camera. sB and sC in
    // different slots: 2 in use per slot -> 1 unit rented for the day: 50 + 40 = 90.
    // In the same slot: 3 in use -> 2 rented: 130. Lifted (2 owned): 50.
    problem: problem({
      start: MON,
      end: MON,
      slotsPerDay: 2,
      locations: [location("L", 50, { capacity: 3 })],
      equipment: [item("cam", 1, { rental: { dayRate: 40, maxUnits: 2 } })],
      shoots: [shoot("sA", { durationSlots: 2, equipment: { cam: 1 } }), shoot("sB", { equipment: { cam: 1 } }), shoot("sC", { equipment: { cam: 1 } })],
    }),
    expected: { status: "optimal", cost: 90 },
    forces: { what: "sB and sC in different slots, one unit rented", of: (p) => ({ slots: [where(p, "sB").firstSlot, where(p, "sC").firstSlot].sort(), rentals: p.rentals }), is: { slots: [0, 1], rentals: [{ item: "cam", date: MON, units: 1 }] } },
    formulation: { rows: [`stock[item=cam,slot=${MON}s0]`, `stock[item=cam,slot=${MON}s1]`] },
    lifted: { change: (p) => void (itemIn(p, "cam").owned = 2), cost: 50 },
    breaks: {
      code: "equipment_short",
      from: "plan",
      // sC joins sB's slot: 3 cameras in use there, 1 owned + 1 rented.
      mutate: (plan, pr) => reschedule(pr, plan, "sC", { firstSlot: where(plan, "sB").firstSlot }),
    },
  },

  // ------------------------------------------------------------ precedence
  {
    rule: "precedence.gap0SameDayLaterSlot",
    contract: "Gap 0: the second shoot may start in any slot after the first ends, the same day too.",
    // Two slots, Mon-Tue, L (50, capacity 1). s2 (no crew) must be Monday and follows s1.
    // s1 needs a stylist: pam (50) is free only Monday afternoon, quinn (150) always.
    // With the rule: s1 Monday morning with quinn, s2 Monday afternoon: 150 + 50 = 200.
    // Lifted: s2 in the morning, s1 in the afternoon with pam: 50 + 50 = 100.
    problem: problem({
      start: MON,
      end: TUE,
      slotsPerDay: 2,
      locations: [location("L", 50)],
      crew: [person("pam", 50, ["stylist"], { available: [{ from: MON, slots: [1] }] }), person("quinn", 150, ["stylist"])],
      shoots: [shoot("s1", { roles: { stylist: 1 } }), shoot("s2", { deadline: MON, after: [{ shoot: "s1" }] })],
    }),
    expected: { status: "optimal", cost: 200 },
    forces: { what: "s1 Monday morning with quinn, s2 Monday afternoon", of: (p) => ({ s1: where(p, "s1"), s2: where(p, "s2"), crew: crewOf(p, "s1") }), is: { s1: { days: [MON], firstSlot: 0, location: "L" }, s2: { days: [MON], firstSlot: 1, location: "L" }, crew: ["quinn:stylist"] } },
    formulation: { rows: ["after[shoot=s2,first=s1,"] },
    lifted: { change: (p) => void (shootIn(p, "s2").after = []), cost: 100 },
    breaks: { code: "precedence_violated", from: "lifted" },
  },
  {
    rule: "precedence.gapWorkingDays",
    contract: "Gap g >= 1: at least g whole working days lie between the first's last day and the second's first; a weekend does not count.",
    // Working days Thu 5, Fri 6, Mon 9, Tue 10. s1 (no crew) is pinned to Thursday; s2
    // follows with gap 2 and needs a photographer: rae (100) is free Fri and Mon only,
    // sol (300) always. Working days strictly between Thu and: Fri 0, Mon 1 (Fri; the
    // weekend does not count), Tue 2 -> s2 Tue with sol: 50 + 50 + 300 = 400.
    // Lifted to gap 1: Mon with rae, 200.
    problem: problem({
      start: THU,
      end: TUE2,
      locations: [location("L", 50)],
      crew: [person("rae", 100, ["photographer"], { available: [{ from: FRI }, { from: MON2 }] }), person("sol", 300, ["photographer"])],
      shoots: [shoot("s1", { deadline: THU }), shoot("s2", { roles: photographer, after: [{ shoot: "s1", gapDays: 2 }] })],
    }),
    expected: { status: "optimal", cost: 400 },
    forces: { what: "s2 on Tuesday with sol", of: (p) => ({ days: where(p, "s2").days, crew: crewOf(p, "s2") }), is: { days: [TUE2], crew: ["sol:photographer"] } },
    formulation: { rows: ["after[shoot=s2,first=s1,"] },
    lifted: {
      change: (p) => void (shootIn(p, "s2").after = [{ shoot: "s1", gapDays: 1 }]),
      cost: 200,
      forces: { what: "gap 1: Monday (Friday lies between), not Friday", of: (p) => where(p, "s2").days, is: [MON2] },
    },
    breaks: { code: "precedence_violated", from: "lifted" },
  },

  // ------------------------------------------------------------ optional and mandatory shoots
  {
    rule: "optional.droppedWhenPenaltyIsCheaper",
    contract: "An optional shoot that costs more than its penalty is dropped, the penalty paid, and the plan says so.",
    // Scheduling s1 costs ana 100 + L 50 = 150 > penalty 120: dropped, 120.
    // Lifted (penalty 200): scheduled, 150.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 50)],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, optional: { penalty: 120 } })],
    }),
    expected: { status: "optimal", cost: 120 },
    forces: { what: "s1 dropped, penalty paid", of: (p) => ({ dropped: p.dropped, shoots: p.shoots.length, penalty: p.cost?.byCategory.droppedShoots }), is: { dropped: ["s1"], shoots: 0, penalty: 120 } },
    formulation: { names: ["drop[shoot=s1]", "schedule[shoot=s1]"] },
    lifted: { change: (p) => void (shootIn(p, "s1").optional = { penalty: 200 }), cost: 150 },
    breaks: { code: "shoot_missing", from: "plan", mutate: (plan) => void (plan.dropped = []) },
  },
  {
    rule: "optional.scheduledWhenPenaltyIsDearer",
    contract: "An optional shoot whose penalty exceeds its cost is scheduled.",
    // Penalty 200 > 150: scheduled, 150. Lifted (penalty 0): dropped, 0; under the real
    // penalty that plan costs 200, not the stated 0.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 50)],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer, optional: { penalty: 200 } })],
    }),
    expected: { status: "optimal", cost: 150 },
    forces: { what: "s1 scheduled", of: (p) => ({ dropped: p.dropped, crew: crewOf(p, "s1") }), is: { dropped: [], crew: ["ana:photographer"] } },
    // The trade-off is the objective coefficient of `drop`, not a row.
    formulation: { names: ["schedule[shoot=s1]", "drop[shoot=s1]"] },
    lifted: { change: (p) => void (shootIn(p, "s1").optional = { penalty: 0 }), cost: 0 },
    breaks: { code: "cost_mismatch", from: "lifted", keepStatedCost: true, message: /droppedShoots cost/ },
  },
  {
    rule: "mandatory.impossibleIsInfeasible",
    contract: "A mandatory shoot is never dropped: if it cannot be placed the answer is infeasible.",
    // One day, one slot, one photographer (ana), two mandatory shoots that each need a
    // photographer: only one can be staffed -> infeasible (not s2 dropped).
    // Lifted (s2 optional, penalty 500): ana on one, the other dropped: 100 + 50 + 500 = 650.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 50, { capacity: 2 })],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer }), shoot("s2", { roles: photographer })],
    }),
    expected: { status: "infeasible" },
    // A mandatory shoot has no drop variable at all: `schedule` must place it.
    formulation: { names: ["schedule[shoot=s2]"], absent: ["drop[shoot=s2]"] },
    lifted: { change: (p) => void (shootIn(p, "s2").optional = { penalty: 500 }), cost: 650, forces: { what: "s2 dropped", of: (p) => p.dropped, is: ["s2"] } },
    breaks: { code: "mandatory_shoot_dropped", from: "lifted" },
  },

  // ------------------------------------------------------------ budgets
  {
    rule: "budget.totalCap",
    contract: "A total budget cap is hard: a plan over it is not a plan.",
    // The only plan costs ana 100 + L 50 = 150 > cap 149.99: infeasible. Lifted (cap 150,
    // equal to the cost): optimal 150, and that plan is 0.01 over the real cap.
    problem: problem({
      start: MON,
      end: MON,
      locations: [location("L", 50)],
      crew: [person("ana", 100, ["photographer"])],
      shoots: [shoot("s1", { roles: photographer })],
      budget: { total: 149.99 },
    }),
    expected: { status: "infeasible" },
    formulation: { rows: ["budget[total]"] },
    lifted: { change: (p) => void (p.budget = { total: 150 }), cost: 150 },
    breaks: { code: "budget_total_exceeded", from: "lifted" },
  },
  {
    rule: "budget.projectCapForcesChoice",
    contract: "A project budget cap is hard; it may force a choice that is cheaper for the project but dearer overall.",
    // See projectBudget: cap A = 200 forces Y (dan on a1, sam on b1, dan's preference
    // penalty 250 paid): 450 instead of X's 400. Lifted: X, 400 (A = 300 > 200).
    problem: projectBudget(200),
    expected: { status: "optimal", cost: 450 },
    forces: {
      what: "dan on a1, sam on b1, preference penalty paid, A within 200",
      of: (p) => ({ a1: crewOf(p, "a1"), b1: crewOf(p, "b1"), penalty: p.cost?.byCategory.preferences, A: p.cost?.byProject["A"] }),
      is: { a1: ["dan:photographer"], b1: ["sam:stylist"], penalty: 250, A: 100 },
    },
    formulation: { rows: ["budget[project=A]"] },
    lifted: { change: (p) => void delete p.budget, cost: 400, forces: { what: "pia on a1", of: (p) => crewOf(p, "a1"), is: ["pia:photographer"] } },
    breaks: { code: "budget_project_exceeded", from: "lifted" },
  },
  {
    rule: "budget.projectCapInfeasible",
    contract: "A project cap below every plan's project cost makes the problem infeasible.",
    // Cap A = 99 < 100, A's cheapest (dan on a1): infeasible. Lifted: 400 (A = 300).
    problem: projectBudget(99),
    expected: { status: "infeasible" },
    formulation: { rows: ["budget[project=A]"] },
    lifted: { change: (p) => void delete p.budget, cost: 400 },
    breaks: { code: "budget_project_exceeded", from: "lifted" },
  },

  {
    rule: "budget.projectCapSharedDayRounded",
    contract: "A project's cost takes its slots' share of a shared person-day (largest remainder, to the cent); its cap is held against that share.",
    // Three slots a day, one day, L fee 0 (capacity 2). a1 (project A, 1 slot) needs a
    // photographer: dan (100, photographer and stylist) or eli (50). b1 (project B,
    // 2 slots) needs a stylist and prefers sam (100; penalty 80).
    // Unconstrained: eli on a1, sam on b1 = 150 (A = 50). dan on both = 100 + 80 = 180;
    // dan on a1, sam on b1 = 200 (A = 100).
    // Cap A = 33.33: only dan on both fits. A's share of dan's day: 10000 x 1/3 = 3333.33
    // -> 3333 cents (B's remainder .67 is larger, B gets the spare cent): A = 33.33 exactly.
    problem: sharedDayBudget(33.33),
    expected: { status: "optimal", cost: 180 },
    forces: {
      what: "dan on a1 and b1 in turn, A = 33.33",
      of: (p) => ({ a1: crewOf(p, "a1"), b1: crewOf(p, "b1"), A: p.cost?.byProject["A"], B: p.cost?.byProject["B"] }),
      is: { a1: ["dan:photographer"], b1: ["dan:stylist"], A: 33.33, B: 146.67 },
    },
    formulation: { rows: ["budget[project=A]"] },
    lifted: { change: (p) => void delete p.budget, cost: 150, forces: { what: "eli on a1", of: (p) => crewOf(p, "a1"), is: ["eli:photographer"] } },
    breaks: { code: "budget_project_exceeded", from: "lifted" },
  },

  // ------------------------------------------------------------ auto route
  {
    rule: "auto.sequencingAgreesWithMip",
    contract: "The auto method (dynamic programming on pure hold-billed sequencing) and the MILP give the same optimum.",
    // Three one-day scenes fill Mon-Wed at one set (20/day, capacity 1). Hold-billed
    // actors: A (100) in s1, s3; B (50) in s2, s3; C (30) in s1, s2. Each works 2 days
    // (2 x 180 = 360); the actor whose two scenes are at both ends idles the middle day.
    // Middle s2 -> A idles 100; s1 -> B 50; s3 -> C 30. Best: s3 in the middle:
    // 360 + 30 + 3 x 20 = 450.
    strategy: "auto",
    problem: problem({
      start: MON,
      end: WED,
      locations: [location("set", 20)],
      crew: [person("A", 100, [], { billing: "hold" }), person("B", 50, [], { billing: "hold" }), person("C", 30, [], { billing: "hold" })],
      shoots: [
        shoot("s1", { locations: ["set"], requiredPeople: ["A", "C"] }),
        shoot("s2", { locations: ["set"], requiredPeople: ["B", "C"] }),
        shoot("s3", { locations: ["set"], requiredPeople: ["A", "B"] }),
      ],
    }),
    expected: { status: "optimal", cost: 450 },
    forces: { what: "s3 in the middle, C idles a day", of: (p) => ({ s3: where(p, "s3").days, hold: p.cost?.byCategory.crewHoldDays }), is: { s3: [TUE], hold: 30 } },
    formulation: { rows: ["holdPaid[person=C,"] },
    lifted: { change: (p) => p.crew.forEach((c) => (c.billing = "worked")), cost: 420 },
    breaks: {
      code: "cost_mismatch",
      from: "plan",
      // Swapping s3 and s1 puts s1 in the middle: B idles instead of C (470, not 450).
      mutate: (plan, pr) => {
        const s1 = where(plan, "s1").days;
        reschedule(pr, plan, "s1", { days: where(plan, "s3").days });
        reschedule(pr, plan, "s3", { days: s1 });
      },
      keepStatedCost: true,
      message: /crewHoldDays cost/,
      cost: 470,
    },
  },
];
