import { EXTRA_STUDIO_FEATURES, OUTDOOR_NAMES, STUDIO_FEATURES, STUDIO_NAMES } from "./catalogue.js";
import { must, type DayPeriod, type LocationSpec, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";
import type { TierSpec } from "./tiers.js";

/**
 * Studios (capacity 1, a few big ones 2) whose feature sets cycle through
 * STUDIO_FEATURES so every feature a shoot can ask for exists, then outdoor locations
 * (capacity 2-3, cheap permits, bookable only in permit windows).
 */
export function generateLocations(tier: TierSpec, random: Random): LocationSpec[] {
  const locations: LocationSpec[] = [];
  const studios = tier.locations - tier.outdoor;
  const studioNames = random.shuffle(STUDIO_NAMES);
  for (let i = 0; i < studios; i += 1) {
    const base = must(STUDIO_FEATURES[i % STUDIO_FEATURES.length]);
    const features = new Set(base);
    if (i >= STUDIO_FEATURES.length || random.chance(0.2)) features.add(random.pick(EXTRA_STUDIO_FEATURES));
    const name = studioNames[i] ?? `Stage ${i + 1}`;
    let dayFee = 10 * random.int(40, 70);
    if (features.has("cyclorama")) dayFee += 250;
    if (features.has("kitchen")) dayFee += 150;
    if (features.has("blackout")) dayFee += 100;
    locations.push({
      index: locations.length, id: slug(`studio ${name}`), name: `Studio ${name}`,
      features: orderFeatures(features), dayFee, capacity: tier.locations >= 8 && random.chance(0.15) ? 2 : 1, outdoor: false,
      available: null, unavailable: [],
    });
  }
  const outdoorNames = random.shuffle(OUTDOOR_NAMES);
  for (let i = 0; i < tier.outdoor; i += 1) {
    const name = outdoorNames[i % outdoorNames.length] ?? "Outdoor";
    const suffix = i >= outdoorNames.length ? ` ${Math.floor(i / outdoorNames.length) + 1}` : "";
    locations.push({
      index: locations.length, id: slug(`${name}${suffix}`), name: `${name}${suffix} (permit)`,
      features: random.chance(0.6) ? ["outdoor", "daylight"] : ["outdoor"], dayFee: 10 * random.int(10, 30),
      capacity: random.int(2, 3), outdoor: true, available: permitWindows(tier.days, random), unavailable: [],
    });
  }
  return locations;
}

/** Alternating permit windows and closed spells covering roughly two thirds of the horizon. */
function permitWindows(days: number, random: Random): DayPeriod[] {
  const windows: DayPeriod[] = [];
  let d = random.chance(0.5) ? 0 : random.int(1, Math.max(1, Math.floor(days * 0.1)));
  while (d < days) {
    // At least four days, so a multi-day outdoor shoot fits in one window.
    const length = Math.max(4, Math.round(days * random.float(0.15, 0.35)));
    windows.push({ from: d, to: Math.min(days - 1, d + length - 1) });
    d += length + Math.max(1, Math.round(days * random.float(0.05, 0.15)));
  }
  return windows;
}

function orderFeatures(features: ReadonlySet<string>): string[] {
  return ["cyclorama", "daylight", "kitchen", "blackout", "outdoor"].filter((f) => features.has(f));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Allowed locations of every shoot; `studio-list` shoots get 2-3 studios named explicitly. */
export function bindShootLocations(shoots: readonly ShootSpec[], locations: readonly LocationSpec[], random: Random): number[][] {
  const studios = locations.filter((l) => !l.outdoor).map((l) => l.index);
  return shoots.map((shoot) => {
    if (shoot.allowedLocations !== null) {
      const list = random.shuffle(studios).slice(0, Math.min(studios.length, random.int(2, 3))).sort((a, b) => a - b);
      shoot.allowedLocations = list;
      return list;
    }
    const fits = locations.filter((l) => shoot.requiredFeatures.every((f) => l.features.includes(f))).map((l) => l.index);
    if (fits.length === 0) throw new Error(`generator defect: no location has ${shoot.requiredFeatures.join(", ")}`);
    return fits;
  });
}
