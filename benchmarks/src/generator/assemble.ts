import type { ProblemInput } from "@shootplan/solver";
import { workingDate, type Calendar } from "./dates.js";
import { ROLES, byCodeUnit, must, type DayPeriod, type ItemSpec, type LocationSpec, type PersonSpec, type ProjectSpec, type ShootSpec } from "./model.js";

type PeriodInput = { from: string; to?: string; slots?: number[] };

/** Working-day periods as problem periods, in date order; `to` is left out for a single date. */
function periods(list: readonly DayPeriod[], calendar: Calendar): PeriodInput[] {
  return [...list]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((p) => ({
      from: workingDate(calendar, p.from),
      ...(p.to !== p.from ? { to: workingDate(calendar, p.to) } : {}),
      ...(p.slots !== undefined ? { slots: [...p.slots] } : {}),
    }));
}

export interface AssembleInput {
  readonly name: string;
  readonly calendar: Calendar;
  readonly projects: readonly ProjectSpec[];
  readonly shoots: readonly ShootSpec[];
  readonly crew: readonly PersonSpec[];
  readonly locations: readonly LocationSpec[];
  readonly items: readonly ItemSpec[];
  /** Project caps in whole euros by project index. */
  readonly budgets: ReadonlyMap<number, number>;
}

/** The generated problem in the solver's input format; optional fields appear only when they differ from the default. */
export function assembleProblem(input: AssembleInput): ProblemInput {
  const { calendar } = input;
  const lastDay = calendar.dates.length - 1;
  const idOf = (list: readonly { id: string }[], i: number): string => must(list[i], "reference").id;
  return {
    name: input.name,
    currency: "EUR",
    horizon: {
      start: calendar.start, end: calendar.end, timeZone: "Europe/Berlin",
      workingDays: ["monday", "tuesday", "wednesday", "thursday", "friday"], excludedDates: [...calendar.holidays],
      slotsPerDay: calendar.slotsPerDay, dayStart: "08:00", slotMinutes: 300,
    },
    shoots: input.shoots.map((s) => ({
      id: s.id, title: s.title, project: must(input.projects[s.project]).id, durationSlots: s.durationSlots,
      ...(s.notBefore > 0 ? { notBefore: workingDate(calendar, s.notBefore) } : {}),
      ...(s.deadline < lastDay ? { deadline: workingDate(calendar, s.deadline) } : {}),
      ...(s.allowedLocations !== null ? { locations: s.allowedLocations.map((l) => idOf(input.locations, l)) } : { requiredFeatures: [...s.requiredFeatures] }),
      roles: Object.fromEntries(ROLES.filter((r) => (s.roles[r] ?? 0) > 0).map((r) => [r, must(s.roles[r])])),
      ...(s.requiredPeople.length > 0 ? { requiredPeople: s.requiredPeople.map((p) => idOf(input.crew, p)) } : {}),
      ...(s.preferredPeople.length > 0 ? { preferredPeople: s.preferredPeople.map((p) => idOf(input.crew, p)), preferencePenalty: s.preferencePenalty } : {}),
      equipment: Object.fromEntries(s.equipment.map(([item, units]) => [item, units])),
      ...(s.after.length > 0 ? { after: s.after.map((a) => ({ shoot: idOf(input.shoots, a.shoot), ...(a.gapDays > 0 ? { gapDays: a.gapDays } : {}) })) } : {}),
      ...(s.optionalPenalty !== null ? { optional: { penalty: s.optionalPenalty } } : {}),
    })),
    crew: input.crew.map((p) => ({
      id: p.id, name: p.name, roles: [...p.roles], dayRate: p.dayRate,
      ...(p.billing === "hold" ? { billing: "hold" as const } : {}),
      ...(p.available !== null ? { available: periods(p.available, calendar) } : {}),
      ...(p.unavailable.length > 0 ? { unavailable: periods(p.unavailable, calendar) } : {}),
      ...(p.maxDays !== null ? { maxDays: p.maxDays } : {}),
      ...(p.maxConsecutiveDays !== null ? { maxConsecutiveDays: p.maxConsecutiveDays } : {}),
    })),
    equipment: input.items.map((item) => ({
      id: item.id, name: item.name, owned: item.owned,
      ...(item.maintenance.length > 0 ? { unavailable: periods(item.maintenance, calendar).map(({ from, to }) => (to === undefined ? { from } : { from, to })) } : {}),
      ...(item.maxRental !== null ? { rental: { dayRate: item.rentalRate, maxUnits: item.maxRental } } : {}),
    })),
    locations: input.locations.map((l) => ({
      id: l.id, name: l.name, features: [...l.features], dayFee: l.dayFee,
      ...(l.available !== null ? { available: periods(l.available, calendar) } : {}),
      ...(l.unavailable.length > 0 ? { unavailable: periods(l.unavailable, calendar) } : {}),
      ...(l.capacity !== 1 ? { capacity: l.capacity } : {}),
    })),
    budget: {
      projects: Object.fromEntries(
        [...input.budgets].map(([p, cap]) => [must(input.projects[p]).id, cap] as const).sort((a, b) => byCodeUnit(a[0], b[0])),
      ),
    },
  };
}
