import type { ProblemInput } from "@shootplan/solver";
import { assembleProblem } from "./generator/assemble.js";
import { availabilityMask, namedLoads, personCapacity, roleLoads } from "./generator/availability.js";
import { witnessCostByShoot } from "./generator/cost.js";
import { assignPartTime, createCrew, sizeCrew } from "./generator/crew.js";
import { buildCalendar, workingDate, type Calendar } from "./generator/dates.js";
import { deriveEquipment, deriveWindows } from "./generator/derive.js";
import { addCrewGaps, addLocationGaps, busyMasks } from "./generator/gaps.js";
import { bindShootLocations, generateLocations } from "./generator/locations.js";
import { ROLES, must, type ItemSpec, type PersonSpec, type Placement, type ProjectSpec, type Role, type ShootSpec } from "./generator/model.js";
import { bindPeople } from "./generator/people.js";
import { placeWitness } from "./generator/placement.js";
import { chooseOptional, generateProjects, generateShoots } from "./generator/projects.js";
import { createRandom, type Random } from "./generator/random.js";
import { SLOTS_PER_DAY, TIERS, type Tier } from "./generator/tiers.js";

export { TIERS, TIER_NAMES, type Tier, type TierSpec } from "./generator/tiers.js";

/** Anchor date used when none is given: a Monday. Generation never reads the clock. */
export const DEFAULT_ANCHOR_DATE = "2027-03-01";

export interface GenerateOptions {
  /** Size class: S 12 shoots / 10 crew / 4 locations / 10 working days, M 60/30/8/30, L 250/80/15/60, XL 1000/250/40/120. */
  readonly tier: Tier;
  /** Non-negative safe integer. The same tier, seed and anchor give byte-identical JSON on every machine. */
  readonly seed: number;
  /** First date of the horizon, ISO `YYYY-MM-DD`; a Monday is best. Default {@link DEFAULT_ANCHOR_DATE}. */
  readonly anchorDate?: string;
}

/** One shoot of the witness, in the plan's terms. */
export interface WitnessShoot {
  readonly shoot: string;
  /** First date. */
  readonly date: string;
  /** Every working date occupied, in order (one, or consecutive working dates for a multi-day shoot). */
  readonly days: readonly string[];
  /** 0-based slot of the first date it starts in. */
  readonly firstSlot: number;
  readonly durationSlots: number;
  readonly location: string;
  /** `role` is null for required talent who fills none of the shoot's roles. */
  readonly crew: readonly { readonly person: string; readonly role: string | null }[];
  readonly equipment: readonly { readonly item: string; readonly units: number }[];
}

/**
 * A plan that satisfies every hard rule of the generated problem, built while
 * generating it: the proof that the instance is feasible. Not optimal.
 */
export interface Witness {
  readonly shoots: readonly WitnessShoot[];
  /** Optional shoots the witness leaves out (their penalties are in its cost). */
  readonly dropped: readonly string[];
  readonly rentals: readonly { readonly item: string; readonly date: string; readonly units: number }[];
  /** The witness's cost in euros, exact to the cent, split by project as the problem's money rules say. */
  readonly cost: { readonly total: number; readonly byProject: Readonly<Record<string, number>> };
}

/** Figures about a generated instance, for reports. */
export interface InstanceStats {
  readonly tier: Tier;
  readonly seed: number;
  readonly shoots: number;
  readonly mandatoryShoots: number;
  readonly optionalShoots: number;
  /** Shoots of 1 slot (half day), 2 slots (full day) and longer (multi-day). */
  readonly halfDayShoots: number;
  readonly fullDayShoots: number;
  readonly multiDayShoots: number;
  readonly precedenceRules: number;
  readonly projects: number;
  readonly budgetedProjects: number;
  /** Budgeted projects whose witness cost is at least 90 % of the cap. */
  readonly tightBudgets: number;
  readonly crew: number;
  readonly crewByPrimaryRole: Readonly<Record<string, number>>;
  readonly multiRolePeople: number;
  readonly partTimers: number;
  readonly holdBilled: number;
  readonly locations: number;
  readonly days: number;
  readonly holidays: number;
  /** Mandatory required person-slots by role over the available slots of the role's holders. */
  readonly roleLoad: Readonly<Record<string, number>>;
  /** Highest share of one person's available slots taken by shoots that name them. */
  readonly maxNamedLoad: number;
  /** Mandatory shoots that need more units of some item than are owned: any plan rents for them. */
  readonly forcedRentalShoots: number;
  /** Rented unit-days in the witness. */
  readonly witnessRentalUnitDays: number;
  readonly witnessDropped: number;
  /** Mandatory shoots whose requirements had to be relaxed to fit (expected 0). */
  readonly relaxedShoots: number;
  /** Shoots made optional because they fitted nowhere (expected 0). */
  readonly demotedShoots: number;
  /** Witness cost in euros. */
  readonly witnessCost: number;
}

export interface GeneratedInstance {
  readonly problem: ProblemInput;
  readonly witness: Witness;
  readonly stats: InstanceStats;
}

/** A seeded, realistic, feasible problem of the given tier. */
export function generateInstance(options: GenerateOptions): ProblemInput {
  return generateInstanceWithWitness(options).problem;
}

/** The hidden feasible plan of {@link generateInstance} for the same options. */
export function generateWitness(options: GenerateOptions): Witness {
  return generateInstanceWithWitness(options).witness;
}

/** The problem, the witness proving it feasible, and figures about both. */
export function generateInstanceWithWitness(options: GenerateOptions): GeneratedInstance {
  const tier = TIERS[options.tier];
  if (tier === undefined) throw new RangeError(`unknown tier "${String(options.tier)}": use S, M, L or XL`);
  const root = createRandom(options.seed);
  const calendar = buildCalendar(options.anchorDate ?? DEFAULT_ANCHOR_DATE, tier.days, tier.holidays, SLOTS_PER_DAY, root.fork("calendar"));
  const { projects, shootCounts } = generateProjects(tier, root.fork("projects"));
  const shoots = generateShoots(projects, shootCounts, tier, root.fork("shoots"));
  chooseBudgets(projects, root.fork("budget-kinds"));
  const optional = chooseOptional(shoots, root.fork("optional"));
  for (const shoot of optional) shoot.optionalPenalty = 0;
  const crew = createCrew(sizeCrew(tier, shoots, calendar.slotCount, root.fork("sizing")), root.fork("crew"));
  const personMasks = assignPartTime(crew, shoots, calendar, root.fork("part-time"));
  const locations = generateLocations(tier, root.fork("locations"));
  const allowed = bindShootLocations(shoots, locations, root.fork("allowed-locations"));
  bindPeople(projects, shoots, crew, personMasks, root.fork("people"));
  setPenalties(optional, crew, locations.map((l) => l.dayFee), allowed, root.fork("penalties"));
  const locationMasks = locations.map((l) => availabilityMask(l.available, l.unavailable, tier.days, SLOTS_PER_DAY));
  const placed = placeWitness({ calendar, projects, shoots, crew, locations, allowed, personMasks, locationMasks }, root.fork("witness"));
  const { placements } = placed;
  deriveWindows(projects, shoots, placements, calendar, root.fork("windows"));
  const { items, rentals } = deriveEquipment(shoots, placements, calendar, root.fork("equipment"));
  addCrewGaps(crew, shoots, busyMasks(crew.length, shoots, placements, calendar.slotCount), personMasks, calendar, root.fork("crew-gaps"));
  addLocationGaps(locations, shoots, placements, calendar, root.fork("location-gaps"));
  const costByShoot = witnessCostByShoot({ slotsPerDay: SLOTS_PER_DAY, days: tier.days, shoots, crew, locations, items, placements, rentals });
  const costByProject = projects.map((p) => shoots.reduce((sum, s) => sum + (s.project === p.index ? must(costByShoot[s.index]) : 0), 0));
  const budgets = setBudgets(projects, costByProject, root.fork("budgets"));
  const problem = assembleProblem({ name: `shootplan benchmark ${options.tier} seed ${options.seed}`, calendar, projects, shoots, crew, locations, items, budgets });
  const witness = toWitness(calendar, projects, shoots, crew, locations, placements, rentals, costByProject);
  const capacities = crew.map((p) => personCapacity(p, must(personMasks[p.index]), SLOTS_PER_DAY));
  const stats = describe(options, { calendar, projects, shoots, crew, items, placements, capacities, budgets, costByProject, rentals });
  return { problem, witness, stats: { ...stats, locations: locations.length, relaxedShoots: placed.relaxed, demotedShoots: placed.demoted } };
}

/**
 * Penalty of each optional shoot: its stand-alone cost (median day rates of its roles
 * and named people, median fee of its locations, over its days) × 0.6-1.6, to 50 €,
 * so dropping it is sometimes cheaper than shooting it and sometimes not.
 */
function setPenalties(optional: readonly ShootSpec[], crew: readonly PersonSpec[], fees: readonly number[], allowed: readonly (readonly number[])[], random: Random): void {
  const median = (values: readonly number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : must(sorted[Math.floor(sorted.length / 2)]);
  };
  const rate = Object.fromEntries(ROLES.map((r) => [r, median(crew.filter((p) => p.roles.includes(r)).map((p) => p.dayRate))])) as Record<Role, number>;
  for (const shoot of optional) {
    const days = Math.ceil(shoot.durationSlots / SLOTS_PER_DAY);
    const people = ROLES.reduce((sum, r) => sum + (shoot.roles[r] ?? 0) * rate[r], 0) + shoot.requiredPeople.reduce((sum, p) => sum + must(crew[p]).dayRate, 0);
    const place = median(must(allowed[shoot.index]).map((l) => must(fees[l])));
    shoot.optionalPenalty = 50 * Math.max(2, Math.round(((people + place) * days * random.float(0.6, 1.6)) / 50));
  }
}

/** ~40 % of the projects (rounded up) get a cap, half of them (rounded up) a tight one. */
function chooseBudgets(projects: ProjectSpec[], random: Random): void {
  const chosen = random.shuffle(projects).slice(0, Math.ceil(projects.length * 0.4));
  chosen.forEach((project, k) => (project.budget = k % 2 === 0 ? "tight" : "loose"));
}

/**
 * Caps from the witness's exact project cost, rounded up to whole euros: tight caps
 * × 1.00-1.05 (their projects were placed first, on the cheapest resources, so a plan
 * that minimises the total alone tends to spend more on them than that), loose caps
 * × 1.20-1.35. The witness satisfies every cap.
 */
function setBudgets(projects: readonly ProjectSpec[], costByProject: readonly number[], random: Random): Map<number, number> {
  const budgets = new Map<number, number>();
  for (const project of projects) {
    const cost = must(costByProject[project.index]);
    if (project.budget === null || cost === 0) continue;
    const factor = project.budget === "tight" ? random.float(1, 1.05) : random.float(1.2, 1.35);
    budgets.set(project.index, Math.ceil((cost * factor) / 100));
  }
  return budgets;
}

function toWitness(
  calendar: Calendar, projects: readonly ProjectSpec[], shoots: readonly ShootSpec[], crew: readonly PersonSpec[],
  locations: readonly { id: string }[], placements: readonly (Placement | null)[],
  rentals: readonly { item: string; day: number; units: number }[], costByProject: readonly number[],
): Witness {
  const perDay = calendar.slotsPerDay;
  const placed = shoots.flatMap((shoot) => {
    const p = placements[shoot.index];
    if (p == null) return [];
    const first = Math.floor(p.start / perDay);
    const last = Math.floor((p.start + shoot.durationSlots - 1) / perDay);
    const days = Array.from({ length: last - first + 1 }, (_, k) => workingDate(calendar, first + k));
    return [{
      shoot: shoot.id, date: must(days[0]), days, firstSlot: p.start % perDay, durationSlots: shoot.durationSlots,
      location: must(locations[p.location]).id,
      crew: p.crew.map((c) => ({ person: must(crew[c.person]).id, role: c.role })),
      equipment: shoot.equipment.map(([item, units]) => ({ item, units })),
    }];
  });
  const total = costByProject.reduce((a, b) => a + b, 0);
  return {
    shoots: placed,
    dropped: shoots.filter((s) => placements[s.index] == null).map((s) => s.id),
    rentals: rentals.map((r) => ({ item: r.item, date: workingDate(calendar, r.day), units: r.units })),
    cost: { total: total / 100, byProject: Object.fromEntries(projects.map((p) => [p.id, must(costByProject[p.index]) / 100])) },
  };
}

interface DescribeInput {
  readonly calendar: Calendar;
  readonly projects: readonly ProjectSpec[];
  readonly shoots: readonly ShootSpec[];
  readonly crew: readonly PersonSpec[];
  readonly items: readonly ItemSpec[];
  readonly placements: readonly (Placement | null)[];
  readonly capacities: readonly number[];
  readonly budgets: ReadonlyMap<number, number>;
  readonly costByProject: readonly number[];
  readonly rentals: readonly { units: number }[];
}

function describe(options: GenerateOptions, x: DescribeInput): Omit<InstanceStats, "locations" | "relaxedShoots" | "demotedShoots"> {
  const mandatory = x.shoots.filter((s) => s.optionalPenalty === null);
  const loads = roleLoads(mandatory, x.crew, x.capacities);
  const owned = new Map(x.items.map((i) => [i.id, i.owned]));
  const round3 = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    tier: options.tier,
    seed: options.seed,
    shoots: x.shoots.length,
    mandatoryShoots: mandatory.length,
    optionalShoots: x.shoots.length - mandatory.length,
    halfDayShoots: x.shoots.filter((s) => s.durationSlots === 1).length,
    fullDayShoots: x.shoots.filter((s) => s.durationSlots === 2).length,
    multiDayShoots: x.shoots.filter((s) => s.durationSlots > 2).length,
    precedenceRules: x.shoots.reduce((sum, s) => sum + s.after.length, 0),
    projects: x.projects.length,
    budgetedProjects: x.budgets.size,
    tightBudgets: [...x.budgets].filter(([p, cap]) => must(x.costByProject[p]) >= 0.9 * cap * 100).length,
    crew: x.crew.length,
    crewByPrimaryRole: Object.fromEntries(ROLES.map((r) => [r, x.crew.filter((p) => p.primaryRole === r).length])),
    multiRolePeople: x.crew.filter((p) => p.roles.length > 1).length,
    partTimers: x.crew.filter((p) => p.available !== null).length,
    holdBilled: x.crew.filter((p) => p.billing === "hold").length,
    days: x.calendar.dates.length,
    holidays: x.calendar.holidays.length,
    roleLoad: Object.fromEntries(ROLES.map((r) => [r, round3(loads[r])])),
    maxNamedLoad: round3(Math.max(0, ...namedLoads(mandatory, x.crew, x.capacities))),
    forcedRentalShoots: mandatory.filter((s) => s.equipment.some(([item, units]) => units > (owned.get(item) ?? 0))).length,
    witnessRentalUnitDays: x.rentals.reduce((sum, r) => sum + r.units, 0),
    witnessDropped: x.placements.filter((p) => p == null).length,
    witnessCost: x.costByProject.reduce((a, b) => a + b, 0) / 100,
  };
}

