import type { SolveRequestOptions } from "../schemas/request-schemas.js";
import type { AppliedOptions } from "../worker/solve-messages.js";

/**
 * The options a solve runs with: the request's, with `timeLimitSeconds` defaulted
 * to `defaultSeconds` and capped at `capSeconds` (a request above the cap is
 * clamped, not refused; the response's `options` shows what was applied).
 */
export function applyOptions(requested: SolveRequestOptions | undefined, limits: { readonly defaultSeconds: number; readonly capSeconds: number }): AppliedOptions {
  const wanted = requested?.timeLimitSeconds ?? limits.defaultSeconds;
  return {
    timeLimitSeconds: Math.min(wanted, limits.capSeconds),
    ...(requested?.backend === undefined ? {} : { backend: requested.backend }),
    ...(requested?.relativeGap === undefined ? {} : { relativeGap: requested.relativeGap }),
    ...(requested?.seed === undefined ? {} : { seed: requested.seed }),
    ...(requested?.strategy === undefined ? {} : { strategy: requested.strategy }),
    ...(requested?.iterationLimit === undefined ? {} : { iterationLimit: requested.iterationLimit }),
  };
}
