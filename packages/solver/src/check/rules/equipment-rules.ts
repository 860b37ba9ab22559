import { inDateRanges } from "../../domain/calendar.js";
import type { EquipmentItem } from "../../domain/problem-schema.js";
import { byCodeUnit, count, describeShoot, describeSlot, type Placement, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules on equipment: each shoot lists exactly the items and units it needs; in every
 * slot the units in use fit in the owned units available that date plus the units
 * rented that date; only rentable items are rented, within their daily maximum.
 */
export function equipmentRules(index: PlanIndex, report: Report): void {
  for (const placement of index.placements) listRule(index, placement, report);
  const rented = rentedUnits(index);
  for (const item of index.problem.equipment) {
    stockRule(index, item, rented, report);
    rentalRules(index, item, rented, report);
  }
}

function listRule(index: PlanIndex, { entry, shoot }: Placement, report: Report): void {
  const items = new Set([...Object.keys(shoot.equipment), ...entry.equipment.map((e) => e.item)]);
  const problems: string[] = [];
  for (const item of [...items].sort(byCodeUnit)) {
    // Unknown items are reported as unknown references.
    if (!index.items.has(item)) continue;
    const lines = entry.equipment.filter((e) => e.item === item);
    const listed = lines.reduce((sum, e) => sum + e.units, 0);
    const needed = shoot.equipment[item] ?? 0;
    if (lines.length > 1) problems.push(`${item} is listed ${lines.length} times`);
    else if (listed !== needed) problems.push(`${item}: ${count(listed, "unit")} listed, ${needed} needed`);
  }
  if (problems.length === 0) return;
  report({ code: "equipment_wrong", shoot: shoot.id, message: `The equipment of ${describeShoot(shoot)} differs from what it needs: ${problems.join("; ")}.` });
}

/** Units rented per `item#date`, summing repeated rental entries. */
function rentedUnits(index: PlanIndex): Map<string, number> {
  const rented = new Map<string, number>();
  for (const { item, date, units } of index.plan.rentals) rented.set(`${item}#${date}`, (rented.get(`${item}#${date}`) ?? 0) + units);
  return rented;
}

/** One report per item and date: the slot with the largest shortfall. */
function stockRule(index: PlanIndex, item: EquipmentItem, rented: ReadonlyMap<string, number>, report: Report): void {
  const inUse = new Map<string, { date: string; slot: number; units: number; shoots: string[] }>();
  for (const p of index.placements) {
    const units = p.units.get(item.id) ?? 0;
    if (units === 0) continue;
    for (const { date, slot } of p.occupied) {
      const at = inUse.get(`${date}#${slot}`) ?? { date, slot, units: 0, shoots: [] };
      at.units += units;
      at.shoots.push(p.shoot.id);
      inUse.set(`${date}#${slot}`, at);
    }
  }
  const worst = new Map<string, { slot: number; units: number; stock: number; shoots: string[] }>();
  for (const { date, slot, units, shoots } of inUse.values()) {
    const owned = inDateRanges(item.unavailable, date) ? 0 : item.owned;
    const stock = owned + (rented.get(`${item.id}#${date}`) ?? 0);
    const previous = worst.get(date);
    if (units > stock && (previous === undefined || units - stock > previous.units - previous.stock)) worst.set(date, { slot, units, stock, shoots });
  }
  for (const [date, { slot, units, stock, shoots }] of worst) {
    const rentedThatDay = rented.get(`${item.id}#${date}`) ?? 0;
    report({
      code: "equipment_short",
      item: item.id,
      shoot: [...shoots].sort(byCodeUnit)[0] ?? "",
      date,
      slot,
      message: `${item.name} ("${item.id}"): ${count(units, "unit")} in use on ${describeSlot(index, date, slot)} (${[...shoots].sort(byCodeUnit).join(", ")}), but only ${stock} available (${stock - rentedThatDay} owned, ${rentedThatDay} rented): ${units - stock} short.`,
    });
  }
}

function rentalRules(index: PlanIndex, item: EquipmentItem, rented: ReadonlyMap<string, number>, report: Report): void {
  const dates = [...new Set(index.plan.rentals.filter((r) => r.item === item.id).map((r) => r.date))].sort();
  for (const date of dates) {
    const units = rented.get(`${item.id}#${date}`) ?? 0;
    if (item.rental === undefined) {
      report({ code: "rental_not_allowed", item: item.id, date, message: `The plan rents ${count(units, "unit")} of ${item.name} ("${item.id}") on ${date}, but it cannot be rented.` });
    } else if (units > item.rental.maxUnits) {
      report({
        code: "rental_over_cap",
        item: item.id,
        date,
        message: `The plan rents ${count(units, "unit")} of ${item.name} ("${item.id}") on ${date}, more than the ${item.rental.maxUnits} that can be rented per day.`,
      });
    }
  }
}
