/**
 * Stable codes of the hard rules the checker verifies, one per rule. The list is
 * append-only: reports, docs and clients key on these strings.
 */
export const violationCodes = [
  "unknown_shoot",
  "unknown_reference",
  "shoot_scheduled_twice",
  "shoot_dropped_twice",
  "shoot_missing",
  "mandatory_shoot_dropped",
  "dropped_and_scheduled",
  "wrong_duration",
  "not_a_working_day",
  "days_not_consecutive",
  "slot_out_of_day",
  "before_not_before",
  "after_deadline",
  "start_end_mismatch",
  "location_not_allowed",
  "location_unavailable",
  "location_over_capacity",
  "role_count_wrong",
  "person_lacks_role",
  "person_twice_in_shoot",
  "required_person_missing",
  "attendee_not_allowed",
  "person_unavailable",
  "person_double_booked",
  "max_days_exceeded",
  "max_consecutive_days_exceeded",
  "equipment_wrong",
  "equipment_short",
  "rental_over_cap",
  "rental_not_allowed",
  "precedence_violated",
  "budget_total_exceeded",
  "budget_project_exceeded",
  "cost_mismatch",
] as const;

/** Code of one hard rule; see {@link ruleLabels} for its human label. */
export type ViolationCode = (typeof violationCodes)[number];

/**
 * One broken hard rule. `message` is a sentence a coordinator understands (naming the
 * shoot, person, day and amounts); the optional fields point at what is involved.
 */
export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  /** Shoot id concerned (the later one for precedence, the first of a pair for double bookings). */
  readonly shoot?: string;
  readonly person?: string;
  /** Project concerned (budget caps). */
  readonly project?: string;
  readonly location?: string;
  readonly item?: string;
  /** ISO date concerned. */
  readonly date?: string;
  /** 0-based slot of `date` concerned. */
  readonly slot?: number;
}

/** Human label of each rule, as used in docs and violation reports. */
export const ruleLabels: Record<ViolationCode, string> = {
  unknown_shoot: "Every shoot in the plan exists in the problem",
  unknown_reference: "Every person, location and item in the plan exists in the problem",
  shoot_scheduled_twice: "A shoot is scheduled at most once",
  shoot_dropped_twice: "A shoot is listed at most once among dropped shoots",
  shoot_missing: "Every shoot is either scheduled or dropped",
  mandatory_shoot_dropped: "Mandatory shoots are never dropped",
  dropped_and_scheduled: "A dropped shoot is not also scheduled",
  wrong_duration: "A shoot lasts its stated number of slots",
  not_a_working_day: "Shoots take place on working days only",
  days_not_consecutive: "A multi-day shoot takes consecutive working days",
  slot_out_of_day: "A shoot stays within its day; a multi-day shoot fills whole days",
  before_not_before: "A shoot starts on or after its earliest date",
  after_deadline: "A shoot ends on or before its deadline",
  start_end_mismatch: "Start and end times match the calendar",
  location_not_allowed: "A shoot uses an allowed location with every required feature",
  location_unavailable: "A location is booked only when it is available",
  location_over_capacity: "A location holds no more shoots at once than its capacity",
  role_count_wrong: "Each role is filled by exactly the number of people needed",
  person_lacks_role: "People fill only roles they hold",
  person_twice_in_shoot: "A person appears at most once in a shoot",
  required_person_missing: "Required people work on their shoot",
  attendee_not_allowed: "Only required or preferred people without a needed role attend beyond the role counts",
  person_unavailable: "People work only when they are available",
  person_double_booked: "A person is never in two shoots at once",
  max_days_exceeded: "A person works at most their maximum number of days",
  max_consecutive_days_exceeded: "A person works at most their maximum number of consecutive days",
  equipment_wrong: "A shoot uses exactly the equipment it needs",
  equipment_short: "Equipment in use never exceeds owned available units plus rented units",
  rental_over_cap: "Rented units stay within the rental maximum",
  rental_not_allowed: "Only rentable items are rented",
  precedence_violated: "A shoot follows the shoots it must come after, with the minimum gap",
  budget_total_exceeded: "The total cost stays within the total budget",
  budget_project_exceeded: "Each project's cost stays within its budget",
  cost_mismatch: "The plan's stated cost equals the recomputed cost",
};

/** Collects a violation; rule families call it for every broken rule they find. */
export type Report = (violation: Violation) => void;
