import { countSlots } from "./availability.js";
import { must, type PersonSpec, type ProjectSpec, type Role, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";

/** Share of a person's available slots that named requirements may take at most. */
const NAMED_LOAD = 0.35;

/**
 * Names people on shoots: each project with talent shoots gets one or two faces
 * (models; a face of a single project is often on hold billing), a lead
 * photographer who is required on a few shoots and preferred (with a penalty) on
 * others, and some preferred stylists or make-up artists. Named requirements are kept
 * under NAMED_LOAD of each person's available slots.
 */
export function bindPeople(projects: readonly ProjectSpec[], shoots: ShootSpec[], crew: PersonSpec[], masks: readonly Uint8Array[], random: Random): void {
  const capacity = masks.map(countSlots);
  const named = new Array<number>(crew.length).fill(0);
  const fits = (p: number, slots: number): boolean => must(named[p]) + slots <= NAMED_LOAD * must(capacity[p]);
  const leastLoaded = (candidates: readonly PersonSpec[], slots: number): PersonSpec | undefined =>
    random.shuffle(candidates).filter((p) => fits(p.index, slots)).sort((a, b) => must(named[a.index]) / must(capacity[a.index]) - must(named[b.index]) / must(capacity[b.index]))[0];
  const models = crew.filter((p) => p.primaryRole === "model");
  const facesOf = new Map<number, number>();
  for (const project of projects) {
    const own = shoots.filter((s) => s.project === project.index);
    const talentSlots = own.reduce((sum, s) => sum + (s.talent > 0 ? s.durationSlots : 0), 0);
    if (talentSlots === 0) continue;
    const wanted = random.chance(0.4) ? 2 : 1;
    for (let k = 0; k < wanted; k += 1) {
      const face = leastLoaded(models.filter((m) => !project.faces.includes(m.index)), Math.ceil(talentSlots / wanted));
      if (face === undefined) break;
      project.faces.push(face.index);
      facesOf.set(face.index, (facesOf.get(face.index) ?? 0) + 1);
    }
    let turn = 0;
    for (const shoot of own) {
      if (shoot.talent === 0 || project.faces.length === 0) continue;
      const people = shoot.talent === 2 ? project.faces : [must(project.faces[turn++ % project.faces.length])];
      const free = people.filter((p) => fits(p, shoot.durationSlots));
      shoot.requiredPeople.push(...free);
      for (const p of free) named[p] = must(named[p]) + shoot.durationSlots;
    }
    bindLeadPhotographer(own, crew, named, fits, leastLoaded, random);
    bindPreferredCraft(own, crew, random);
  }
  // Talent tied to one project is engaged for it: paid from first to last shoot day.
  for (const [face, projectsCount] of facesOf) if (projectsCount === 1 && random.chance(0.5)) must(crew[face]).billing = "hold";
}

function bindLeadPhotographer(
  own: ShootSpec[],
  crew: readonly PersonSpec[],
  named: number[],
  fits: (p: number, slots: number) => boolean,
  leastLoaded: (candidates: readonly PersonSpec[], slots: number) => PersonSpec | undefined,
  random: Random,
): void {
  const photographed = own.filter((s) => (s.roles.photographer ?? 0) > 0);
  if (photographed.length === 0 || !random.chance(0.5)) return;
  // A part-timer cannot be required on a full-day or multi-day shoot, so leads work full time.
  const lead = leastLoaded(crew.filter((p) => p.primaryRole === "photographer" && p.available === null), 2);
  if (lead === undefined) return;
  const penalty = 50 * random.int(4, 12);
  for (const shoot of photographed) {
    if (random.chance(0.12) && fits(lead.index, shoot.durationSlots)) {
      shoot.requiredPeople.push(lead.index);
      named[lead.index] = must(named[lead.index]) + shoot.durationSlots;
    } else if (random.chance(0.6)) {
      shoot.preferredPeople.push(lead.index);
      shoot.preferencePenalty = penalty;
    }
  }
}

/** A preferred stylist or make-up artist on ~12 % of the shoots that need one. */
function bindPreferredCraft(own: ShootSpec[], crew: readonly PersonSpec[], random: Random): void {
  for (const shoot of own) {
    if (!random.chance(0.12)) continue;
    const role = (["stylist", "makeup"] as const).find((r) => (shoot.roles[r] ?? 0) > 0);
    if (role === undefined) continue;
    // Never the same role as a required person, whose place it would compete for.
    if (shoot.requiredPeople.some((p) => must(crew[p]).roles.includes(role as Role))) continue;
    const person = random.pick(crew.filter((p) => p.primaryRole === role));
    if (shoot.preferredPeople.includes(person.index)) continue;
    shoot.preferredPeople.push(person.index);
    if (shoot.preferencePenalty === 0) shoot.preferencePenalty = 50 * random.int(3, 8);
  }
}
