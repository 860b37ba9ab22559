import { slotKey } from "../../domain/calendar.js";
import { availabilityTest, byCodeUnit, count, describeShoot, describeSlot, type Placement, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules on where shoots take place: an allowed location with every required feature,
 * booked only when it is available, holding no more shoots at once than its capacity.
 */
export function locationRules(index: PlanIndex, report: Report): void {
  for (const placement of index.placements) {
    allowedRule(index, placement, report);
    availabilityRule(index, placement, report);
  }
  capacityRule(index, report);
}

function allowedRule(index: PlanIndex, { entry, shoot }: Placement, report: Report): void {
  const location = index.locations.get(entry.location);
  // Unknown locations are reported as unknown references.
  if (location === undefined) return;
  const reasons: string[] = [];
  if (shoot.locations !== undefined && !shoot.locations.includes(location.id)) {
    reasons.push(`it is not among the shoot's allowed locations (${shoot.locations.join(", ")})`);
  }
  const missing = shoot.requiredFeatures.filter((f) => !location.features.includes(f));
  if (missing.length > 0) reasons.push(`it lacks the required ${missing.length === 1 ? "feature" : "features"} ${missing.join(", ")}`);
  if (reasons.length === 0) return;
  report({
    code: "location_not_allowed",
    shoot: shoot.id,
    location: location.id,
    message: `${describeShoot(shoot)} is planned at ${location.name} ("${location.id}"), but ${reasons.join(" and ")}.`,
  });
}

function availabilityRule(index: PlanIndex, { entry, shoot, occupied }: Placement, report: Report): void {
  const location = index.locations.get(entry.location);
  if (location === undefined) return;
  const isAvailable = availabilityTest(location.available, location.unavailable, index.slotsPerDay);
  const blocked = occupied.filter((s) => !isAvailable(slotKey(s.date, s.slot)));
  const first = blocked[0];
  if (first === undefined) return;
  report({
    code: "location_unavailable",
    shoot: shoot.id,
    location: location.id,
    date: first.date,
    slot: first.slot,
    message: `${describeShoot(shoot)} uses ${location.name} ("${location.id}") on ${describeSlot(index, first.date, first.slot)}${blocked.length > 1 ? ` and ${count(blocked.length - 1, "more slot")}` : ""}, when it is not available.`,
  });
}

/** Shoots at one location in one slot. */
interface SlotUse {
  readonly location: string;
  readonly date: string;
  readonly slot: number;
  readonly shoots: string[];
}

/** One report per location and date: the slot with the most shoots at once. */
function capacityRule(index: PlanIndex, report: Report): void {
  const use = new Map<string, SlotUse>();
  for (const p of index.placements) {
    if (!index.locations.has(p.entry.location)) continue;
    for (const { date, slot } of p.occupied) {
      const key = `${p.entry.location}\u0000${slotKey(date, slot)}`;
      const at = use.get(key) ?? { location: p.entry.location, date, slot, shoots: [] };
      at.shoots.push(p.shoot.id);
      use.set(key, at);
    }
  }
  const worst = new Map<string, SlotUse>();
  for (const at of use.values()) {
    const capacity = index.locations.get(at.location)?.capacity ?? 1;
    const key = `${at.location}\u0000${at.date}`;
    if (at.shoots.length > capacity && at.shoots.length > (worst.get(key)?.shoots.length ?? 0)) worst.set(key, at);
  }
  for (const { location: id, date, slot, shoots } of worst.values()) {
    const location = index.locations.get(id);
    if (location === undefined) continue;
    const ids = [...shoots].sort(byCodeUnit);
    report({
      code: "location_over_capacity",
      location: id,
      shoot: ids[0] ?? "",
      date,
      slot,
      message: `${location.name} ("${id}") holds ${ids.length} shoots at once on ${describeSlot(index, date, slot)} (${ids.join(", ")}), but its capacity is ${location.capacity}.`,
    });
  }
}
