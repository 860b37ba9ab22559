import type { ProblemInput } from "../../src/domain/problem-schema.js";

/**
 * A small, realistic, valid problem: two projects, four shoots, five people, two
 * equipment items with rental, two locations with features and a budget. Every field
 * of the problem schema is set at least once (json-schema.test.ts checks that), so a
 * mutation of any field has something to act on. Returns a fresh object on each call:
 * tests mutate it freely.
 *
 * Horizon: Monday 2026-03-02 to Friday 2026-03-13 in Europe/Berlin, Friday 2026-03-06
 * a holiday, so 9 working days of two 5-hour slots from 08:00.
 */
export function validProblem(): ProblemInput {
  return {
    name: "Spring campaigns 2026",
    currency: "EUR",
    horizon: {
      start: "2026-03-02",
      end: "2026-03-13",
      timeZone: "Europe/Berlin",
      workingDays: ["monday", "tuesday", "wednesday", "thursday", "friday"],
      excludedDates: ["2026-03-06"],
      slotsPerDay: 2,
      dayStart: "08:00",
      slotMinutes: 300,
    },
    shoots: [
      {
        id: "lookbook-studio",
        title: "Aurora lookbook, studio looks",
        project: "aurora",
        durationSlots: 2,
        notBefore: "2026-03-02",
        deadline: "2026-03-05",
        requiredFeatures: ["cyclorama"],
        roles: { photographer: 1, stylist: 1, "make-up": 1, assistant: 1 },
        requiredPeople: ["mia"],
        preferredPeople: ["ana"],
        preferencePenalty: 150,
        equipment: { "camera-kit": 1, "strobe-set": 2 },
      },
      {
        id: "lookbook-outdoor",
        title: "Aurora lookbook, park looks",
        project: "aurora",
        durationSlots: 1,
        locations: ["park"],
        requiredFeatures: ["outdoor", "daylight"],
        roles: { photographer: 1, assistant: 1 },
        requiredPeople: ["mia"],
        equipment: { "camera-kit": 1 },
        after: [{ shoot: "lookbook-studio", gapDays: 1 }],
      },
      {
        id: "knit-campaign",
        title: "Nordic Knit autumn campaign",
        project: "nordic-knit",
        durationSlots: 4,
        deadline: "2026-03-13",
        locations: ["studio-north", "park"],
        roles: { photographer: 1, stylist: 1 },
        preferredPeople: ["ben"],
        preferencePenalty: 80.5,
        equipment: { "camera-kit": 2, "strobe-set": 1 },
      },
      {
        id: "knit-bts",
        title: "Nordic Knit behind the scenes",
        project: "nordic-knit",
        durationSlots: 1,
        roles: { assistant: 1 },
        after: [{ shoot: "knit-campaign" }],
        optional: { penalty: 400 },
      },
    ],
    crew: [
      {
        id: "ana",
        name: "Ana Costa",
        roles: ["photographer"],
        dayRate: 1200,
        billing: "worked",
        unavailable: [{ from: "2026-03-10", to: "2026-03-11" }],
        maxDays: 6,
      },
      {
        id: "ben",
        name: "Ben Okafor",
        roles: ["photographer", "assistant"],
        dayRate: 650.5,
        available: [
          { from: "2026-03-02", to: "2026-03-11" },
          { from: "2026-03-12", to: "2026-03-13", slots: [0] },
        ],
        maxConsecutiveDays: 4,
      },
      {
        id: "chloe",
        name: "Chloé Martin",
        roles: ["stylist", "make-up"],
        dayRate: 480,
        unavailable: [{ from: "2026-03-04", slots: [1] }],
      },
      { id: "dev", name: "Dev Patel", roles: ["assistant"], dayRate: 250 },
      { id: "mia", name: "Mia Lind", roles: [], dayRate: 900, billing: "hold" },
    ],
    equipment: [
      {
        id: "camera-kit",
        name: "Camera body and lens kit",
        owned: 2,
        unavailable: [{ from: "2026-03-09", to: "2026-03-09" }],
        rental: { dayRate: 95, maxUnits: 2 },
      },
      { id: "strobe-set", name: "Strobe set", owned: 1, rental: { dayRate: 60.25, maxUnits: 3 } },
    ],
    locations: [
      {
        id: "studio-north",
        name: "Studio North",
        features: ["cyclorama", "daylight"],
        dayFee: 800,
        unavailable: [{ from: "2026-03-12" }, { from: "2026-03-09", to: "2026-03-10", slots: [1] }],
        capacity: 2,
      },
      {
        id: "park",
        name: "Tiergarten meadow",
        features: ["outdoor", "daylight"],
        dayFee: 150,
        available: [{ from: "2026-03-02", to: "2026-03-13", slots: [0, 1] }],
      },
    ],
    budget: { total: 25_000, projects: { aurora: 15_000, "nordic-knit": 12_000 } },
  };
}

/** The smallest valid problem: only required fields, so every default applies. */
export function minimalProblem(): ProblemInput {
  return {
    currency: "EUR",
    horizon: { start: "2026-03-02", end: "2026-03-06", timeZone: "Europe/Berlin" },
    shoots: [
      { id: "portrait", title: "Portrait", project: "acme", durationSlots: 1 },
      // `after` is given only so the precedence default (gapDays) can be observed.
      { id: "retouch-review", title: "Retouch review", project: "acme", durationSlots: 1, after: [{ shoot: "portrait" }] },
    ],
    crew: [{ id: "ana", name: "Ana Costa", dayRate: 1200 }],
    equipment: [{ id: "camera-kit", name: "Camera kit", owned: 1 }],
    locations: [{ id: "studio", name: "Studio", dayFee: 500 }],
    budget: {},
  };
}
