import type { BackendName, SolverBackend } from "./backend.js";
import { highsBackend } from "./highs-backend.js";
import { jslpBackend } from "./jslp-backend.js";

const BACKENDS: Readonly<Record<BackendName, SolverBackend>> = {
  highs: highsBackend,
  jslp: jslpBackend,
};

/** Every backend name, in order of preference (HiGHS first: faster and reports bounds). */
export const backendNames: readonly BackendName[] = ["highs", "jslp"];

/** `true` when `name` names a backend (for validating user input such as CLI flags). */
export function isBackendName(name: string): name is BackendName {
  return Object.hasOwn(BACKENDS, name);
}

/** The backend called `name`. */
export function backendByName(name: BackendName): SolverBackend {
  return BACKENDS[name];
}
