/**
 * Types for hold-billed scene sequencing (the "talent scheduling problem").
 *
 * Units: days are whole working days counted from day 0 (the first shooting
 * day); money is in integer minor units (e.g. cents) throughout.
 */

/** One sequencing problem: scenes shot back to back, one at a time, from day 0. */
export interface SequencingInstance {
  /** Days each scene takes (positive integers). Scene indices are positions in this array. */
  readonly durations: readonly number[];
  /** Per actor: cost per day in integer minor units (cents). */
  readonly dayRates: readonly number[];
  /**
   * Per actor: indices of scenes the actor plays in. The actor is paid
   * `dayRates[j]` for every day from the first day of their first scene to the
   * last day of their last scene inclusive (idle "hold" days included).
   */
  readonly scenesByActor: readonly (readonly number[])[];
  /**
   * Optional: may scene `scene` start on day `startDay` (0-based working day)?
   * Default: always. Used for windows, availability, calendar limits. Must be
   * deterministic: the solver caches its answers per (scene, day).
   */
  readonly canStart?: (scene: number, startDay: number) => boolean;
  /**
   * Optional: extra integer cost in minor units of scene `scene` starting on
   * `startDay` (location fee, rentals). Default 0. Must be deterministic and finite.
   */
  readonly placementCost?: (scene: number, startDay: number) => number;
}

/**
 * - `optimal`: `order` is a proven minimal-cost order (lexicographically
 *   smallest among all optimal orders).
 * - `infeasible`: no order lets every scene start on an allowed day.
 * - `too_large`: more scenes than `maxScenes` (or the state table could not be allocated).
 * - `interrupted`: the signal fired or the deadline passed before the proof finished.
 */
export type SequencingStatus = "optimal" | "infeasible" | "too_large" | "interrupted";

/** Outcome of {@link solveSequencing}. */
export interface SequencingResult {
  readonly status: SequencingStatus;
  /** Scene indices in shooting order when `optimal`; empty otherwise. */
  readonly order: readonly number[];
  /**
   * Total cost in minor units when `optimal`: actor pay for working AND hold
   * days plus placement costs. `Infinity` for every other status.
   */
  readonly cost: number;
}

/** Options of {@link solveSequencing}. */
export interface SequencingOptions {
  /** Largest scene count attempted (memory is 16 bytes × 2^n). Default 24, hard cap 30. */
  readonly maxScenes?: number;
  /** Cancels the solve; checked every few thousand states. */
  readonly signal?: AbortSignal;
  /** Wall-clock deadline as epoch milliseconds (`Date.now()` scale). */
  readonly deadline?: number;
}
