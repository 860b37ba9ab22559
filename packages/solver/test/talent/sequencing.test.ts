import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  sequenceCost,
  solveSequencing,
  talentInstanceToSequencing,
  type SequencingInstance,
} from "../../src/talent/sequencing.js";

const DATA_DIR = new URL("../../../../../shared/data/talent/", import.meta.url);
const dataFiles = readdirSync(DATA_DIR).filter((f) => f.endsWith(".json")).sort();

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, DATA_DIR), "utf8")) as Record<string, unknown>;
}

/** All permutations of 0..n-1 in lexicographic order. */
function* permutations(n: number, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === n) {
    yield [...prefix];
    return;
  }
  for (let s = 0; s < n; s++) {
    if (prefix.includes(s)) continue;
    prefix.push(s);
    yield* permutations(n, prefix);
    prefix.pop();
  }
}

/** Lexicographically first cheapest order, or null when every order is forbidden. */
function bruteForce(instance: SequencingInstance): { order: number[]; cost: number } | null {
  let best: { order: number[]; cost: number } | null = null;
  for (const order of permutations(instance.durations.length)) {
    const cost = sequenceCost(instance, order);
    if (cost !== Infinity && (best === null || cost < best.cost)) best = { order, cost };
  }
  return best;
}

/** Random instances with up to 7 scenes; `salt` drives the optional calendar callbacks. */
const smallInstance = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
      actors: fc.array(
        fc.record({
          rate: fc.integer({ min: 1, max: 20 }),
          plays: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      salt: fc.integer({ min: 0, max: 1000 }),
    }),
  )
  .map(({ durations, actors, salt }) => ({
    base: {
      durations,
      dayRates: actors.map((a) => a.rate),
      scenesByActor: actors.map((a) => a.plays.flatMap((p, i) => (p ? [i] : []))),
    } satisfies SequencingInstance,
    salt,
  }));

function expectMatchesBruteForce(instance: SequencingInstance): void {
  const result = solveSequencing(instance);
  const brute = bruteForce(instance);
  if (brute === null) {
    expect(result.status).toBe("infeasible");
    return;
  }
  expect(result.status).toBe("optimal");
  expect(result.cost).toBe(brute.cost);
  expect(result.order).toEqual(brute.order); // same lexicographic tie-break
  expect(sequenceCost(instance, result.order)).toBe(result.cost);
}

describe("published talent instances", () => {
  it("finds instance files", () => {
    expect(dataFiles.length).toBeGreaterThan(0);
  });

  it.each(dataFiles)("%s reaches the published optimum", (file) => {
    const json = readJson(file);
    const instance = talentInstanceToSequencing(json);
    const result = solveSequencing(instance);
    expect(result.status).toBe("optimal");
    expect(result.cost).toBe(json["optimum"]);
    expect(sequenceCost(instance, result.order)).toBe(result.cost);
    const example = json["exampleOptimalOrder1Based"];
    if (Array.isArray(example)) {
      expect(sequenceCost(instance, example.map((s: number) => s - 1))).toBe(json["optimum"]);
    }
  });
});

describe("solveSequencing vs brute force", () => {
  it("matches all permutations on random instances", () => {
    fc.assert(fc.property(smallInstance, ({ base }) => expectMatchesBruteForce(base)), { seed: 20110101, numRuns: 300 });
  });

  it("respects canStart and placementCost", () => {
    const property = fc.property(smallInstance, ({ base, salt }) => {
      const instance: SequencingInstance = {
        ...base,
        canStart: (s, day) => (s * 7 + day * 13 + salt) % 5 !== 0,
        placementCost: (s, day) => (s * 3 + day * 5 + salt) % 11,
      };
      expectMatchesBruteForce(instance);
    });
    fc.assert(property, { seed: 4242, numRuns: 300 });
  });

  it("never starts a scene forbidden on day 0 first", () => {
    const instance: SequencingInstance = {
      durations: [1, 2, 3],
      dayRates: [5, 7],
      scenesByActor: [[0, 2], [0, 1]],
      canStart: (s, day) => !(s === 0 && day === 0),
    };
    const result = solveSequencing(instance);
    expect(result.order[0]).not.toBe(0);
    expectMatchesBruteForce(instance);
  });
});

describe("solveSequencing statuses", () => {
  const instance: SequencingInstance = { durations: [1, 1, 1], dayRates: [1], scenesByActor: [[0, 2]] };

  it("is infeasible when no order satisfies canStart", () => {
    const result = solveSequencing({ ...instance, canStart: (_s, day) => day !== 0 });
    expect(result).toEqual({ status: "infeasible", order: [], cost: Infinity });
  });

  it("is too_large above maxScenes", () => {
    expect(solveSequencing(instance, { maxScenes: 2 }).status).toBe("too_large");
    const big: SequencingInstance = { durations: new Array<number>(25).fill(1), dayRates: [], scenesByActor: [] };
    expect(solveSequencing(big).status).toBe("too_large");
  });

  it("is interrupted by an aborted signal or a past deadline", () => {
    const controller = new AbortController();
    controller.abort();
    expect(solveSequencing(instance, { signal: controller.signal }).status).toBe("interrupted");
    expect(solveSequencing(instance, { deadline: Date.now() - 1 }).status).toBe("interrupted");
  });

  it("handles zero scenes and actors without scenes", () => {
    expect(solveSequencing({ durations: [], dayRates: [], scenesByActor: [] })).toEqual({ status: "optimal", order: [], cost: 0 });
    const idle = solveSequencing({ durations: [2, 3], dayRates: [9, 4], scenesByActor: [[], [1]] });
    expect(idle).toEqual({ status: "optimal", order: [0, 1], cost: 12 });
  });

  it("rejects malformed input", () => {
    expect(() => solveSequencing({ durations: [0], dayRates: [], scenesByActor: [] })).toThrow(RangeError);
    expect(() => solveSequencing({ durations: [1], dayRates: [1], scenesByActor: [[3]] })).toThrow(RangeError);
    expect(() => sequenceCost(instance, [0, 0, 1])).toThrow(RangeError);
  });
});
