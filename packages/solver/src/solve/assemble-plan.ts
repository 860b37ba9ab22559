// Moved to model/; kept while tests written against the old path are migrated.
export { assemblePlan } from "../model/assemble-plan.js";
export type { Placement } from "../model/placement.js";
