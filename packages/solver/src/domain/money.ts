/**
 * Money is exact: amounts are converted once to integer minor units (cents for EUR,
 * yen for JPY) and every sum, split and comparison happens on integers.
 */

/** Minor digits of an ISO 4217 currency (2 for EUR, 0 for JPY); 2 when Intl does not know it. */
export function minorDigits(currency: string): number {
  try {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
    return digits ?? 2;
  } catch {
    return 2;
  }
}

/** Amount in major units (e.g. 12.5) to integer minor units (1250). */
export function toMinor(amount: number, digits: number): number {
  return Math.round(amount * 10 ** digits);
}

/** Integer minor units back to a decimal amount; the nearest double to the exact decimal. */
export function toMajor(minor: number, digits: number): number {
  return digits === 0 ? minor : Number((minor / 10 ** digits).toFixed(digits));
}

/**
 * Largest amount accepted, in minor units (10^12 EUR). Up to here a double tells every
 * minor unit apart and amount x 10^digits rounds to the right integer; far beyond it
 * (past about 2^45 cents) neighbouring cents share one double.
 */
export const MAX_MINOR_UNITS = 1e14;

/**
 * True when `amount` has no more decimals than the currency allows: it is the double
 * nearest to a decimal with `digits` decimals (e.g. 1234567890.12), or within 1e-6
 * minor units of one (sums such as 0.1 + 0.2), and it is at most
 * {@link MAX_MINOR_UNITS} minor units.
 */
export function hasMinorPrecision(amount: number, digits: number): boolean {
  const scaled = amount * 10 ** digits;
  if (!(Math.abs(scaled) <= MAX_MINOR_UNITS)) return false;
  return Number(amount.toFixed(digits)) === amount || Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/**
 * Why {@link hasMinorPrecision} refuses `amount`, as the end of a sentence: too large
 * (past {@link MAX_MINOR_UNITS} minor units, whole or not) or too many decimals.
 */
export function precisionReason(amount: number, digits: number, currency: string): string {
  return Math.abs(amount * 10 ** digits) > MAX_MINOR_UNITS
    ? `larger than the largest amount allowed, ${formatMoney(MAX_MINOR_UNITS, digits, currency)}`
    : `more decimals than the ${digits} of ${currency}, its minor unit`;
}

/**
 * Splits `total` minor units over parts in proportion to `weights`, so the parts add
 * up to `total` exactly: floor shares first, then the remaining units go to the
 * largest remainders, ties to the earlier key (callers order keys by shoot id).
 */
export function splitByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) throw new RangeError("cannot split over zero weights");
  // total x weight must be exact: past 2^53 (a rental near the largest amounts, times
  // its slots and units) doubles lose units, and the spare unit went to the wrong part.
  if (!Number.isSafeInteger(total * weightSum)) return splitExactly(total, weights, weightSum);
  const shares = weights.map((w) => Math.floor((total * w) / weightSum));
  // Remainders compared as exact integers (total * w mod weightSum) to avoid float ties.
  const order = weights
    .map((w, index) => ({ index, remainder: (total * w) % weightSum }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/** An amount in minor units as text in its currency, exactly (integer arithmetic): `1234.50 EUR`. */
export function formatMoney(minor: number, digits: number, currency: string): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const fraction = digits === 0 ? "" : `.${String(abs % scale).padStart(digits, "0")}`;
  return `${sign}${Math.floor(abs / scale)}${fraction} ${currency}`;
}

/** {@link splitByLargestRemainder} in BigInt arithmetic, for products past 2^53. */
function splitExactly(total: number, weights: readonly number[], weightSum: number): number[] {
  const t = BigInt(total);
  const sum = BigInt(weightSum);
  const parts = weights.map((w, index) => ({ index, share: (t * BigInt(w)) / sum, remainder: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((a, p) => a + p.share, 0n);
  const order = [...parts].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  for (const p of order) {
    if (left === 0n) break;
    p.share += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.share));
}
