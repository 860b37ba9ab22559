/**
 * Long synchronous computations written as generators that `yield` between steps, so
 * that one body runs either straight through (`drain`) or in slices that let the event
 * loop run (`inSlices`): timers, worker messages and an ordinary abort signal then get
 * through during a search or a bound that takes seconds. Either way the same steps run
 * in the same order, so the results are the same.
 */

/** Runs a sliced computation to its end without pausing. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/** Milliseconds a sliced computation holds the thread before it lets the event loop run. */
export const SLICE_MS = 50;

/** Runs a sliced computation to its end, letting the event loop run about every {@link SLICE_MS} ms. */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (performance.now() - since >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}
