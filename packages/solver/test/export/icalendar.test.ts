import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/domain/plan-schema.js";
import type { ProblemInput } from "../../src/domain/problem-schema.js";
import { InvalidOptionsError, InvalidPlanError } from "../../src/errors.js";
import { planCalendar } from "../../src/export/icalendar.js";
import { basePlan, baseProblemInput } from "../check/fixture.js";

const createdAt = new Date("2026-02-20T10:00:00Z");

/** The calendar's events as an independent parser (Mozilla's ical.js) reads them. */
function eventsOf(ics: string): { uid: string; summary: string; location: string; description: string; start: number; end: number; sequence: number; categories: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      description: e.description,
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
      sequence: e.sequence,
      categories: String(v.getFirstPropertyValue("categories")),
    };
  });
}

describe("planCalendar", () => {
  it("has one event per working day of each shoot, at its slots' wall-clock times", () => {
    const events = eventsOf(planCalendar(baseProblemInput(), basePlan(), { createdAt }));
    // s1, s2, s4 within one day; s3 over two working days around the 2026-03-04 holiday.
    expect(events.map((e) => e.summary)).toEqual(["Acme fitting", "Globex lookbook", "Acme campaign (day 1 of 2)", "Acme campaign (day 2 of 2)", "Acme packshot"]);
    expect(events.map((e) => [new Date(e.start).toISOString(), new Date(e.end).toISOString()])).toEqual([
      ["2026-03-02T08:00:00.000Z", "2026-03-02T11:00:00.000Z"], // 09:00-12:00 in Berlin (UTC+1)
      ["2026-03-02T11:00:00.000Z", "2026-03-02T17:00:00.000Z"],
      ["2026-03-03T08:00:00.000Z", "2026-03-03T17:00:00.000Z"],
      ["2026-03-05T08:00:00.000Z", "2026-03-05T17:00:00.000Z"],
      ["2026-03-06T08:00:00.000Z", "2026-03-06T11:00:00.000Z"],
    ]);
    const lookbook = events[1];
    expect(lookbook?.location).toBe("Studio A");
    expect(lookbook?.categories).toBe("globex");
    expect(lookbook?.description).toBe("Project: globex\nCrew: Ana Ruiz (photographer), Ben Okafor (stylist), Dana Vale (attending)\nEquipment: 2 x Camera kit");
  });

  it("gives one person's shoots with their role, and one location's shoots", () => {
    const dana = eventsOf(planCalendar(baseProblemInput(), basePlan(), { person: "dana", createdAt }));
    expect(dana.map((e) => e.summary)).toEqual(["Globex lookbook (attending)", "Acme packshot (attending)"]);
    const loft = eventsOf(planCalendar(baseProblemInput(), basePlan(), { location: "loft", createdAt }));
    expect(loft.map((e) => e.summary)).toEqual(["Acme campaign (day 1 of 2)", "Acme campaign (day 2 of 2)"]);
    const idle = planCalendar(baseProblemInput(), { ...basePlan(), shoots: [] }, { person: "ana", createdAt });
    expect(eventsOf(idle)).toEqual([]);
  });

  it("escapes and folds text so that a parser reads back exactly what was written", () => {
    const problem = baseProblemInput();
    const title = "Käthe's look; \"winter\", coats\\boots\nsecond line — 📸 ".repeat(3).trim();
    problem.shoots = problem.shoots.map((s) => (s.id === "s1" ? { ...s, title } : s));
    problem.locations = problem.locations.map((l) => (l.id === "studio-a" ? { ...l, name: "Studio A, Hall 3; back entrance ✓" } : l));
    const ics = planCalendar(problem, basePlan(), { createdAt });
    const first = eventsOf(ics)[0];
    expect(first?.summary).toBe(title);
    expect(first?.location).toBe("Studio A, Hall 3; back entrance ✓");
    expect(ics.endsWith("\r\n")).toBe(true);
    const lines = ics.slice(0, -2).split("\r\n");
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
  });

  it("keeps each event's UID when the plan changes, so a higher sequence updates it", () => {
    const before = eventsOf(planCalendar(baseProblemInput(), basePlan(), { createdAt }));
    const moved = basePlan();
    const fitting = moved.shoots[0] as Plan["shoots"][number];
    moved.shoots[0] = { ...fitting, firstSlot: 2, start: "2026-03-02T15:00:00+01:00", end: "2026-03-02T18:00:00+01:00" };
    const after = eventsOf(planCalendar(baseProblemInput(), moved, { sequence: 1, createdAt }));
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    expect(new Set(after.map((e) => e.uid)).size).toBe(after.length);
    const fittingAfter = after.find((e) => e.uid === before[0]?.uid);
    expect(new Date(fittingAfter?.start ?? 0).toISOString()).toBe("2026-03-02T14:00:00.000Z");
    expect(after.every((e) => e.sequence === 1)).toBe(true);
    // Another production with the same shoot ids gets other UIDs.
    const other = eventsOf(planCalendar({ ...baseProblemInput(), name: "Another production" }, basePlan(), { createdAt }));
    expect(other.some((e) => before.some((b) => b.uid === e.uid))).toBe(false);
  });

  it("with the earlier plan, cancels the events this plan no longer has", () => {
    const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => ({ uid: String(v.getFirstPropertyValue("uid")), status: String(v.getFirstPropertyValue("status")), summary: String(v.getFirstPropertyValue("summary")) }));
    const earlier = basePlan();
    // After a repair: the packshot is dropped, Ben is off the lookbook.
    const repaired = basePlan();
    repaired.shoots = repaired.shoots.filter((s) => s.shoot !== "s4").map((s) => (s.shoot === "s2" ? { ...s, crew: s.crew.filter((c) => c.person !== "ben") } : s));
    const all = events(planCalendar(baseProblemInput(), repaired, { earlierPlan: { plan: earlier }, sequence: 1, createdAt }));
    expect(all.filter((e) => e.status === "CANCELLED").map((e) => e.summary)).toEqual(["Acme packshot"]);
    expect(all.filter((e) => e.status === "CONFIRMED")).toHaveLength(4);
    const ben = events(planCalendar(baseProblemInput(), repaired, { person: "ben", earlierPlan: earlier, sequence: 1, createdAt }));
    expect(ben).toEqual([{ uid: expect.stringMatching(/^s2\.day1\./), status: "CANCELLED", summary: "Globex lookbook (stylist)" }]);
    // Nothing changed: nothing cancelled.
    expect(events(planCalendar(baseProblemInput(), earlier, { earlierPlan: earlier, createdAt })).every((e) => e.status === "CONFIRMED")).toBe(true);
  });

  it("keeps UIDs when a change moves the horizon, drops control characters, and refuses slots a day cannot hold", () => {
    const uids = (problem: ProblemInput) => eventsOf(planCalendar(problem, basePlan(), { createdAt })).map((e) => e.uid);
    const earlierStart = { ...baseProblemInput(), horizon: { ...baseProblemInput().horizon, start: "2026-03-01" } };
    expect(uids(earlierStart)).toEqual(uids(baseProblemInput()));
    const problem = baseProblemInput();
    problem.shoots = problem.shoots.map((s) => (s.id === "s1" ? { ...s, title: "Acme\u0007 fitting\u0000\u001b\ttake" } : s));
    const ics = planCalendar(problem, basePlan(), { createdAt });
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(eventsOf(ics)[0]?.summary).toBe("Acme fitting\ttake");
    const plan = basePlan();
    plan.shoots[0] = { ...(plan.shoots[0] as Plan["shoots"][number]), firstSlot: 2, durationSlots: 2 };
    expect(() => planCalendar(baseProblemInput(), plan)).toThrow(/takes 2 slot\(s\) from slot 2 over 1 day\(s\), which days of 3 slot\(s\) cannot hold/);
  });

  it("keeps wall-clock times across a daylight-saving change", () => {
    const problem: ProblemInput = {
      currency: "EUR",
      horizon: { start: "2026-03-27", end: "2026-03-30", timeZone: "Europe/Berlin", dayStart: "09:00" },
      shoots: [{ id: "a", title: "A", project: "p", durationSlots: 2 }],
      crew: [],
      locations: [{ id: "l", name: "L", dayFee: 0 }],
    };
    // Friday and Monday: the clocks went forward on Sunday 29 March.
    const plan: Plan = { shoots: [{ shoot: "a", location: "l", days: ["2026-03-27", "2026-03-30"], firstSlot: 0, durationSlots: 2, start: "", end: "", crew: [], equipment: [] }], dropped: [], rentals: [] };
    const events = eventsOf(planCalendar(problem, plan, { createdAt }));
    expect(events.map((e) => new Date(e.start).toISOString())).toEqual(["2026-03-27T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
  });

  it("gives a slot inside the hour a daylight-saving change skips its full length", () => {
    // Sunday 2027-03-28 in Berlin: 02:00-03:00 does not exist; the slot starts at 03:00 (01:00Z).
    const problem: ProblemInput = {
      currency: "EUR",
      horizon: { start: "2027-03-28", end: "2027-03-28", timeZone: "Europe/Berlin", workingDays: ["sunday"], slotsPerDay: 2, dayStart: "02:00", slotMinutes: 60 },
      shoots: [{ id: "a", title: "A", project: "p", durationSlots: 1 }],
      crew: [],
      locations: [{ id: "l", name: "L", dayFee: 0 }],
    };
    const plan: Plan = { shoots: [{ shoot: "a", location: "l", days: ["2027-03-28"], firstSlot: 0, durationSlots: 1, start: "", end: "", crew: [], equipment: [] }], dropped: [], rentals: [] };
    const event = eventsOf(planCalendar(problem, plan, { createdAt }))[0];
    expect([new Date(event?.start ?? 0).toISOString(), new Date(event?.end ?? 0).toISOString()]).toEqual(["2027-03-28T01:00:00.000Z", "2027-03-28T02:00:00.000Z"]);
  });

  it("gives byte-identical output for the same input and creation time", () => {
    expect(planCalendar(baseProblemInput(), basePlan(), { createdAt })).toBe(planCalendar(baseProblemInput(), { plan: basePlan() }, { createdAt }));
  });

  it("names an unknown person, location or sequence, and a plan naming what the problem lacks", () => {
    expect(() => planCalendar(baseProblemInput(), basePlan(), { person: "zoe" })).toThrow(InvalidOptionsError);
    expect(() => planCalendar(baseProblemInput(), basePlan(), { location: "moon" })).toThrow(/No location "moon"/);
    expect(() => planCalendar(baseProblemInput(), basePlan(), { sequence: -1 })).toThrow(InvalidOptionsError);
    // From the exports audit: an invalid Date threw a bare RangeError from toISOString.
    expect(() => planCalendar(baseProblemInput(), basePlan(), { createdAt: new Date(Number.NaN) })).toThrow(expect.objectContaining({ code: "SCHED_ERR_OPTIONS_INVALID", option: "createdAt" }));
    const plan = basePlan();
    plan.shoots[1] = { ...(plan.shoots[1] as Plan["shoots"][number]), crew: [{ person: "zoe", role: "photographer" }] };
    try {
      planCalendar(baseProblemInput(), plan);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidPlanError);
      expect((error as InvalidPlanError).issues).toEqual([{ code: "unknown_reference", path: ["shoots", 1, "crew", 0, "person"], message: 'The plan names crew member "zoe", which the problem does not have.' }]);
    }
  });
});
