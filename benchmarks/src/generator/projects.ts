import { BRANDS, PROJECT_KINDS, PROJECT_KIND_WEIGHTS, SEASONS, TEMPLATES, type ShootTemplate } from "./catalogue.js";
import { must, type ProjectKind, type ProjectSpec, type Role, type RoleCounts, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";
import type { TierSpec } from "./tiers.js";

/** Projects with their focus windows, and how many shoots each gets (adding up to the tier's count). */
export function generateProjects(tier: TierSpec, random: Random): { projects: ProjectSpec[]; shootCounts: number[] } {
  const brands = random.shuffle(BRANDS);
  const taken = new Set<string>();
  const projects: ProjectSpec[] = [];
  // A lookbook and a product range in every instance, so every role and feature is in play,
  // and a campaign or video, whose drones and cinema rigs are rented: nothing of them is owned.
  const guaranteed: ProjectKind[] = ["lookbook", "product", random.chance(0.5) ? "campaign" : "video"];
  const drawn = Array.from({ length: tier.projects }, (_, i): ProjectKind => guaranteed[i] ?? random.weighted(PROJECT_KIND_WEIGHTS));
  const kinds = random.shuffle(drawn);
  for (let i = 0; i < tier.projects; i += 1) {
    const brand = must(brands[i % brands.length], "brand");
    let season = random.int(0, SEASONS.length - 1);
    while (taken.has(`${brand}-${must(SEASONS[season % SEASONS.length])}`)) season += 1;
    const seasonName = must(SEASONS[season % SEASONS.length]);
    const id = `${brand}-${seasonName}`;
    taken.add(id);
    const kind = must(kinds[i]);
    const length = Math.min(tier.days, Math.max(Math.min(tier.days, 5), Math.round(tier.days * random.float(0.3, 0.55))));
    const focusFrom = random.int(0, tier.days - length);
    const title = `${capitalise(brand)} ${seasonName} ${PROJECT_KINDS[kind].label}`;
    projects.push({ index: i, id, title, kind, focusFrom, focusTo: focusFrom + length - 1, budget: null, faces: [], notBefore: 0, deadline: tier.days - 1 });
  }
  return { projects, shootCounts: splitCount(tier.shoots, tier.projects, 2, random) };
}

/** `total` split into `parts` counts of at least `min`, proportional to random weights (largest remainder). */
function splitCount(total: number, parts: number, min: number, random: Random): number[] {
  const weights = Array.from({ length: parts }, () => random.float(0.6, 1.4));
  const spare = total - min * parts;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = spare - counts.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left === 0) break;
    counts[i] = must(counts[i]) + 1;
    left -= 1;
  }
  return counts.map((c) => c + min);
}

interface Draft {
  readonly template: ShootTemplate;
  readonly after: { shoot: number; gapDays: number }[];
  readonly leads: boolean;
}

/** The project's shoots in an order where every predecessor comes first. */
function draftProject(kind: ProjectKind, count: number, random: Random): Draft[] {
  const spec = PROJECT_KINDS[kind];
  const drafts: Draft[] = [];
  const opener = spec.opener !== null && count >= 3 ? 0 : -1;
  if (opener === 0) drafts.push({ template: must(TEMPLATES[spec.opener ?? ""]), after: [], leads: true });
  const review = count >= 5 && random.chance(spec.reviewProbability);
  const bodyCount = count - drafts.length - (review ? 2 : 0);
  const lastOfTemplate = new Map<string, number>();
  for (let k = 0; k < bodyCount; k += 1) {
    const template = must(TEMPLATES[k === 0 ? must(spec.body[0])[0] : random.weighted(spec.body)]);
    const after: { shoot: number; gapDays: number }[] = [];
    // The fitting comes before every shoot its talent appears in.
    if (opener === 0 && template.talent > 0) after.push({ shoot: opener, gapDays: 0 });
    const previous = lastOfTemplate.get(template.key);
    if (previous !== undefined && random.chance(spec.chainProbability)) after.push({ shoot: previous, gapDays: 0 });
    lastOfTemplate.set(template.key, drafts.length);
    drafts.push({ template, after, leads: false });
  }
  if (review) {
    const reviewed = opener === 0 ? 1 : 0;
    drafts.push({ template: must(TEMPLATES["review"]), after: [{ shoot: reviewed, gapDays: 0 }], leads: true });
    const reshootAfter = [{ shoot: drafts.length - 1, gapDays: random.int(1, 2) }];
    if (opener === 0) reshootAfter.push({ shoot: opener, gapDays: 0 });
    drafts.push({ template: must(TEMPLATES["reshoot"]), after: reshootAfter, leads: false });
  }
  // A drafted predecessor of another draft leads too (chains), so it is placed early.
  const leads = new Set(drafts.flatMap((d) => d.after.map((a) => a.shoot)));
  return drafts.map((d, i) => (leads.has(i) && !d.leads ? { ...d, leads: true } : d));
}

/** Every shoot of every project, with roles, features, equipment and precedence (people come later). */
export function generateShoots(projects: readonly ProjectSpec[], counts: readonly number[], tier: TierSpec, random: Random): ShootSpec[] {
  const shoots: ShootSpec[] = [];
  let multiDayLeft = tier.maxMultiDay ?? Number.POSITIVE_INFINITY;
  for (const project of projects) {
    const drafts = draftProject(project.kind, must(counts[project.index]), random);
    const base = shoots.length;
    const numbering = new Map<string, number>();
    for (const draft of drafts) {
      const t = draft.template;
      const number = (numbering.get(t.key) ?? 0) + 1;
      numbering.set(t.key, number);
      let durationSlots = Math.min(tier.maxDurationSlots, random.weighted(t.durations));
      if (durationSlots > 2 && multiDayLeft <= 0) durationSlots = 2;
      if (durationSlots > 2) multiDayLeft -= 1;
      const features = random.pick(t.features);
      const { roles, extras } = drawRoles(t, random);
      shoots.push({
        index: shoots.length,
        id: `${project.id}-${t.key}-${number}`,
        title: `${project.title}, ${t.title} ${number}`,
        project: project.index,
        template: t.key,
        durationSlots,
        requiredFeatures: features === "studio-list" ? [] : [...features],
        allowedLocations: features === "studio-list" ? [] : null,
        roles,
        extras,
        talent: t.talent,
        requiredPeople: [],
        preferredPeople: [],
        preferencePenalty: 0,
        equipment: drawEquipment(t, random),
        after: draft.after.map((a) => ({ shoot: base + a.shoot, gapDays: a.gapDays })),
        leads: draft.leads,
        optionalPenalty: null,
        notBefore: 0,
        deadline: tier.days - 1,
      });
    }
  }
  return shoots;
}

function drawRoles(template: ShootTemplate, random: Random): { roles: RoleCounts; extras: Role[] } {
  const roles: RoleCounts = { ...template.roles };
  const extras: Role[] = [];
  for (const [role, probability] of template.extras) {
    if (!random.chance(probability)) continue;
    roles[role] = (roles[role] ?? 0) + 1;
    extras.push(role);
  }
  return { roles, extras };
}

function drawEquipment(template: ShootTemplate, random: Random): [item: string, units: number][] {
  const units = new Map<string, number>();
  for (const [item, count, probability] of template.equipment) {
    if (random.chance(probability)) units.set(item, (units.get(item) ?? 0) + count);
  }
  return [...units];
}

/** Shoots in no precedence rule and not leading, of which ~10-15 % become optional. */
export function chooseOptional(shoots: readonly ShootSpec[], random: Random): ShootSpec[] {
  const linked = new Set(shoots.flatMap((s) => s.after.map((a) => a.shoot)));
  const eligible = shoots.filter((s) => !s.leads && s.after.length === 0 && !linked.has(s.index));
  const count = Math.min(eligible.length, Math.max(1, Math.round(shoots.length * random.float(0.1, 0.15))));
  return random.shuffle(eligible).slice(0, count);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
