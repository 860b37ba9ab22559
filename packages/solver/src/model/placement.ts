import type { StartOption } from "./planning-model.js";

/** A decided placement of one shoot, by indices: when (start option), where, and who. */
export interface Placement {
  readonly shoot: number;
  readonly start: StartOption;
  readonly location: number;
  readonly crew: readonly { readonly person: number; readonly role: string | null }[];
}
