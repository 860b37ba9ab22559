import { estimateMilpVariables } from "../bounds/bounding-milp.js";
import { highsBackend } from "../backends/highs-backend.js";
import { buildMilp } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { residualModel } from "../model/residual-model.js";
import { defaultFocus, focusNeighbourhood } from "../search/focus-neighbourhood.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { withChangePenalties } from "./change-penalties.js";
import type { EarlierShoot } from "./earlier-plan.js";
import { recreateAround } from "./recreate-round.js";
import { keptPlacements, lowestObjective, type Repair } from "./repair-context.js";

/** Largest residual MILP (variables) a focused repair round solves. */
const ROUND_MAX_VARIABLES = 20_000;

/** Estimated columns per second of time left that a round may build (L-1's 460 000-column MILP takes about 12 s). */
const BUILD_COLUMNS_PER_SECOND = 20_000;

/** Kept shoots nearest to the disrupted ones that the wider focused rounds free too. */
const WIDER_ROUNDS = [10, 40] as const;

/**
 * The focused rounds: every shoot the change leaves intact stays as it was; the others
 * (disrupted, new, or dropped before) are re-solved around them. When that has no
 * valid plan, ruin and recreate from the earlier plan makes room greedily
 * (recreate-round.ts); then the kept shoots nearest to them are freed too, in growing
 * numbers, and on large problems finally every unpinned shoot when that residual is
 * small enough.
 * `share`: of the time left; null when no round gives a valid plan.
 */
export async function repairAround(r: Repair, share: number, small: boolean): Promise<PricedPlan | null> {
  const { model } = r;
  const until = Date.now() + (r.deadline - Date.now()) * share;
  const kept = keptPlacements(r);
  const disrupted = new Set(model.shoots.filter((s) => !kept.has(s.index)).map((s) => s.index));
  const unpinned = new Set(model.shoots.filter((s) => !r.pinned.has(s.index)).map((s) => s.index));
  const rounds = [disrupted, ...WIDER_ROUNDS.map((count) => nearest(r, kept, disrupted, count)), ...(small ? [] : [unpinned])];
  let previous = new Set<number>([-1]);
  let greedy: PricedPlan | null = null;
  for (const [i, free] of rounds.entries()) {
    if (free.size === previous.size && [...free].every((s) => previous.has(s))) continue;
    previous = free;
    if (Date.now() >= until || r.signal?.aborted === true) break;
    const last = i === rounds.length - 1;
    // The first round (only the disrupted shoots) is the likeliest to keep changes few: it gets most of the time.
    const outcome = await solveAround(r, [...kept.values()], free, until, last ? 1 : i === 0 ? 0.8 : 0.5);
    // Never a proof, even with every unpinned shoot free: the rounds narrow the problem (focusAround).
    if (outcome !== null) {
      r.report.plan(r, outcome);
      return lowestObjective(r, [outcome, greedy]);
    }
    // No room around the disrupted shoots alone: make some greedily (milliseconds). The
    // wider MILP rounds still run, as they may change less (L-1, a location lost: 4
    // changed assignments against the greedy 23); when they find nothing (M-1, an
    // urgent shoot: seconds, no plan within the caps), the greedy plan is the answer.
    if (i === 0) {
      greedy = recreateAround(r, until);
      if (greedy !== null) r.report.plan(r, greedy);
    }
  }
  return greedy;
}

/**
 * The disrupted shoots and the `count` unpinned kept shoots most related to them: first
 * by how many of the disrupted shoots' people (required, preferred, earlier crew) and
 * locations (earlier, or allowed for a shoot without one) they use, then by distance in
 * working days (to a disrupted shoot's earlier dates, or to any start of a shoot
 * without them), then by shoot index. Those are the shoots whose moving makes room.
 */
function nearest(r: Repair, kept: ReadonlyMap<number, Placement>, disrupted: ReadonlySet<number>, count: number): Set<number> {
  const days: number[] = [];
  const people = new Set<number>();
  const locations = new Set<number>();
  for (const s of disrupted) {
    const shoot = r.model.shoots[s];
    const before = r.earlier[s];
    for (const p of [...(shoot?.required ?? []), ...(shoot?.preferred ?? [])]) people.add(p);
    if (before?.kind === "scheduled" && before.slot !== null) {
      const first = Math.floor(before.slot / r.model.slotsPerDay);
      for (let d = first; d < first + before.dayCount; d += 1) days.push(d);
      for (const c of before.crew) if (c.person !== null) people.add(c.person);
      if (before.location !== null) locations.add(before.location);
    } else {
      for (const start of shoot?.starts ?? []) days.push(start.firstDay);
      for (const l of shoot?.locations ?? []) locations.add(l);
    }
  }
  const distance = (p: Placement) => Math.min(...days.map((d) => (d < p.start.firstDay ? p.start.firstDay - d : d > p.start.lastDay ? d - p.start.lastDay : 0)));
  const shared = (p: Placement) => p.crew.filter((c) => people.has(c.person)).length + (locations.has(p.location) ? 1 : 0);
  const candidates = [...kept.values()].filter((p) => !r.pinned.has(p.shoot)).map((p) => ({ shoot: p.shoot, shared: shared(p), distance: distance(p) }));
  candidates.sort((a, b) => b.shared - a.shared || a.distance - b.distance || a.shoot - b.shoot);
  return new Set([...disrupted, ...candidates.slice(0, count).map((c) => c.shoot)]);
}

/** One focused round: the residual problem of `free` with the penalties; null when it gives no valid plan. */
async function solveAround(r: Repair, kept: readonly Placement[], free: ReadonlySet<number>, until: number, share: number): Promise<PricedPlan | null> {
  const residual = residualModel(r.model, kept, free);
  const focused = focusAround(r, residual, kept);
  // Building a MILP cannot be interrupted: only start what can be built in the time left.
  // (The estimate ignores the people the focus masks, so it overstates; the real size is checked after.)
  if (estimateMilpVariables(focused) > ((until - Date.now()) / 1000) * BUILD_COLUMNS_PER_SECOND) return null;
  const formulation = buildMilp(focused);
  if (formulation.milp.variables.length > ROUND_MAX_VARIABLES) return null;
  if (formulation.unplaceable.length > 0) return null;
  const earlier = residual.original.map((o): EarlierShoot => r.earlier[o] ?? { kind: "new" });
  const { milp } = withChangePenalties(formulation, focused, earlier, r.penalty, new Set());
  const result = await highsBackend.solve(milp, {
    timeLimitSeconds: Math.max(0.05, ((until - Date.now()) / 1000) * share),
    relativeGap: r.settings.relativeGap,
    seed: r.settings.seed,
    ...(r.signal ? { signal: r.signal } : {}),
  });
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const freed = decodeMilp(focused, formulation, result.values).map((p) => ({ ...p, shoot: residual.original[p.shoot] ?? -1 }));
  const priced = pricePlan(r.model, [...kept.filter((p) => !free.has(p.shoot)), ...freed]);
  return priced.valid ? priced : null;
}

/**
 * The residual problem narrowed as the neighbourhood search narrows its sub-problems
 * (kept shoots that are freed move at most a few days; people: those on them, the
 * named ones and the cheapest holders of each needed role), plus the earlier crew of
 * the disrupted shoots, so the repair can keep whoever is still available.
 */
function focusAround(r: Repair, residual: ReturnType<typeof residualModel>, kept: readonly Placement[]): PlanningModel {
  const focused = focusNeighbourhood(residual, kept, defaultFocus);
  const earlierCrew = new Set<number>();
  for (const o of residual.original) {
    const before = r.earlier[o];
    if (before?.kind === "scheduled") for (const c of before.crew) if (c.person !== null) earlierCrew.add(c.person);
  }
  return { ...focused, people: focused.people.map((p) => (earlierCrew.has(p.index) ? (residual.model.people[p.index] ?? p) : p)) };
}
