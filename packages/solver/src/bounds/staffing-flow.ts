/**
 * The cheapest way to staff one shoot on its own: fill `count` seats of every role with
 * distinct people who hold the role (one person fills at most one role in a shoot),
 * every forced person (a required person who holds one of the roles) taking a seat.
 * A min-cost flow source -> role (capacity count) -> person (capacity 1) -> sink, solved by
 * successive shortest paths with Bellman-Ford (costs may be negative: a preferred
 * person's seat is credited with the penalty their presence saves).
 */

export interface StaffingRole {
  readonly count: number;
  /** People who hold the role and could work the shoot. */
  readonly holders: readonly number[];
}

/**
 * Minimum total `cost(person)` over the seated people, or null when the seats cannot
 * all be filled by distinct holders with every forced person seated.
 */
export function cheapestStaffing(roles: readonly StaffingRole[], cost: (person: number) => number, forced: ReadonlySet<number>): number | null {
  return cheapestSeating(roles, cost, forced)?.cost ?? null;
}

/** {@link cheapestStaffing} with the people it seats (ascending), or null. */
export function cheapestSeating(
  roles: readonly StaffingRole[],
  cost: (person: number) => number,
  forced: ReadonlySet<number>,
): { readonly cost: number; readonly seated: readonly number[] } | null {
  const seats = roles.reduce((sum, r) => sum + r.count, 0);
  if (seats === 0) return forced.size === 0 ? { cost: 0, seated: [] } : null;
  // Exchange argument: some optimal staffing seats, per role, only people among the
  // `seats` best holders of that role (forced people first, then by cost). If a role
  // used anyone else, one of those best holders would be idle (the other seats take at
  // most seats-1 people) and could replace them at no extra cost.
  const costOf = new Map<number, number>();
  for (const r of roles) for (const p of r.holders) if (!costOf.has(p)) costOf.set(p, cost(p));
  const rank = (a: number, b: number) => Number(forced.has(b)) - Number(forced.has(a)) || (costOf.get(a) ?? 0) - (costOf.get(b) ?? 0) || a - b;
  const shortlists = roles.map((r) => shortest(r.holders, seats, rank));
  const people = [...new Set(shortlists.flat())].sort((a, b) => a - b);
  for (const person of forced) if (!people.includes(person)) return null;
  if (people.length === shortlists.reduce((sum, list) => sum + list.length, 0)) return bestPerRole(roles, shortlists, rank, costOf, forced);
  const personNode = new Map(people.map((p, i) => [p, 1 + roles.length + i]));
  // Forced people get a bonus larger than any difference of real costs, so a flow of
  // minimal cost seats as many of them as possible; it is added back afterwards.
  const bonus = 1 + people.reduce((sum, p) => sum + Math.abs(costOf.get(p) ?? 0), 0);
  const graph = new FlowGraph(2 + roles.length + people.length);
  const source = 0;
  const sink = 1 + roles.length + people.length;
  roles.forEach((r, i) => graph.add(source, 1 + i, r.count, 0));
  shortlists.forEach((list, i) => {
    for (const p of list) graph.add(1 + i, personNode.get(p) ?? -1, 1, (costOf.get(p) ?? 0) - (forced.has(p) ? bonus : 0));
  });
  const toSink = new Map(people.map((p) => [p, graph.add(personNode.get(p) ?? -1, sink, 1, 0)]));
  let total = 0;
  for (let seat = 0; seat < seats; seat += 1) {
    const path = graph.shortestPath(source, sink);
    if (path === null) return null;
    total += graph.augment(path);
  }
  for (const person of forced) {
    const edge = toSink.get(person);
    if (edge === undefined || graph.flowOf(edge) < 1) return null;
  }
  const seated = people.filter((p) => graph.flowOf(toSink.get(p) ?? -1) >= 1);
  return { cost: total + bonus * forced.size, seated };
}

/**
 * The flow when no shortlisted person could take two of the roles: it falls apart into
 * one choice per role, and the best choice is the role's `count` first holders (forced
 * first, then by cost), which must include every forced holder of the role.
 * The bounds call this for every shoot, start and iteration, so it matters (the
 * general flow is ten times slower).
 */
function bestPerRole(
  roles: readonly StaffingRole[],
  shortlists: readonly number[][],
  rank: (a: number, b: number) => number,
  costOf: ReadonlyMap<number, number>,
  forced: ReadonlySet<number>,
): { readonly cost: number; readonly seated: readonly number[] } | null {
  let cost = 0;
  const seated: number[] = [];
  for (const [i, r] of roles.entries()) {
    const list = [...(shortlists[i] ?? [])].sort(rank);
    if (list.length < r.count) return null;
    for (const [at, p] of list.entries()) {
      if (at >= r.count) {
        if (forced.has(p)) return null;
        continue;
      }
      cost += costOf.get(p) ?? 0;
      seated.push(p);
    }
  }
  return { cost, seated: seated.sort((a, b) => a - b) };
}

/** The `n` first distinct items of `items` in `order` (a full sort only when needed). */
function shortest(items: readonly number[], n: number, order: (a: number, b: number) => number): number[] {
  const distinct = [...new Set(items)];
  if (distinct.length <= n) return distinct;
  return distinct.sort(order).slice(0, n);
}

/** A tiny residual graph for unit augmentations. */
class FlowGraph {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private readonly nodes: number;

  constructor(nodes: number) {
    this.nodes = nodes;
  }

  /** Adds an edge and its reverse; returns the forward edge's id. */
  add(from: number, to: number, capacity: number, cost: number): number {
    const id = this.from.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  flowOf(edge: number): number {
    return this.capacity[edge ^ 1] ?? 0;
  }

  /** Edge ids of a cheapest residual path (Bellman-Ford; no negative cycles by the SSP invariant), or null. */
  shortestPath(source: number, sink: number): number[] | null {
    const distance = new Array<number>(this.nodes).fill(Infinity);
    const via = new Array<number>(this.nodes).fill(-1);
    distance[source] = 0;
    for (let round = 0; round < this.nodes; round += 1) {
      let changed = false;
      for (let e = 0; e < this.from.length; e += 1) {
        if ((this.capacity[e] ?? 0) <= 0) continue;
        const u = this.from[e] ?? 0;
        const du = distance[u] ?? Infinity;
        if (du === Infinity) continue;
        const v = this.to[e] ?? 0;
        const candidate = du + (this.cost[e] ?? 0);
        if (candidate < (distance[v] ?? Infinity) - 1e-9) {
          distance[v] = candidate;
          via[v] = e;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (distance[sink] === Infinity) return null;
    const path: number[] = [];
    for (let node = sink; node !== source; ) {
      const e = via[node] ?? -1;
      if (e < 0 || path.length > this.nodes) return null;
      path.push(e);
      node = this.from[e] ?? source;
    }
    return path;
  }

  /** Pushes one unit along the path; returns its cost. */
  augment(path: readonly number[]): number {
    let total = 0;
    for (const e of path) {
      this.capacity[e] = (this.capacity[e] ?? 0) - 1;
      this.capacity[e ^ 1] = (this.capacity[e ^ 1] ?? 0) + 1;
      total += this.cost[e] ?? 0;
    }
    return total;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.from.push(from);
    this.to.push(to);
    this.capacity.push(capacity);
    this.cost.push(cost);
  }
}
