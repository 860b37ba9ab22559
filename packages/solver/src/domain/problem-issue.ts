/**
 * One thing wrong with a problem: a stable `code`, the JSON `path` to the field, and
 * a sentence. Schema issues keep zod's codes (`invalid_type`, `unrecognized_keys`, ...);
 * semantic issues use the codes of {@link semanticIssueCodes}.
 */
export interface ProblemIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Codes of the checks zod cannot do; each is documented in docs/errors.md. */
export const semanticIssueCodes = [
  "duplicate_id",
  "unknown_reference",
  "duplicate_reference",
  "role_without_crew",
  "window_outside_horizon",
  "window_too_short",
  "invalid_duration",
  "invalid_time_zone",
  "amount_precision",
  "cost_too_large",
  "horizon_reversed",
  "horizon_too_long",
  "no_working_days",
  "period_reversed",
  "slot_out_of_range",
  "day_overflow",
  "precedence_cycle",
  "person_required_and_preferred",
  "reserved_name",
  "horizon_out_of_range",
] as const;

export type SemanticIssueCode = (typeof semanticIssueCodes)[number];
