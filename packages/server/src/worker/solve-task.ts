import { threadId } from "node:worker_threads";
import { repair, solve, SolverError, type RepairProgress, type SolveOptions, type SolveResult } from "@shootplan/solver";
import type { ControlMessage, SolveFailure, SolveProgress, SolveTaskInput, SolveTaskOutput, WorkerMessage } from "./solve-messages.js";

/** What the solver reports to `onProgress`: an improved plan's cost, or an improved lower bound. */
type SolverProgress = Parameters<NonNullable<SolveOptions["onProgress"]>>[0];

/**
 * Runs one solve or repair inside a worker thread (the piscina task function). Never
 * throws: solver errors come back as data, so their code survives the thread boundary.
 */
export default async function solveTask(input: SolveTaskInput): Promise<SolveTaskOutput> {
  const { port } = input;
  const controller = new AbortController();
  port.on("message", (message: ControlMessage) => {
    if (message.type === "cancel") controller.abort();
  });
  post(port, { type: "started", threadId });
  const best = new BestSoFar();
  const options: SolveOptions = { ...input.options, signal: sharedFlagSignal(controller, input.cancelFlag) };
  const onProgress = (progress: SolverProgress | RepairProgress): void => post(port, { type: "progress", progress: best.update(progress) });
  try {
    return { ok: true, result: await run(input.work, options, onProgress) };
  } catch (error) {
    return { ok: false, error: describeFailure(error) };
  } finally {
    port.close();
  }
}

function run(work: SolveTaskInput["work"], options: SolveOptions, onProgress: (progress: SolverProgress | RepairProgress) => void): Promise<SolveResult> {
  return work.kind === "repair" ? repair(work.request, { ...options, onProgress }) : solve(work.problem, { ...options, onProgress });
}

/**
 * The controller's signal, with `aborted` also reading the shared cancel flag, so a
 * solver busy in a synchronous loop sees a cancel at its next poll, without the event
 * loop. The first read that finds the flag set also aborts the controller, so `abort`
 * listeners run as usual.
 */
function sharedFlagSignal(controller: AbortController, cancelFlag: SharedArrayBuffer): AbortSignal {
  const flag = new Int32Array(cancelFlag);
  const signal = controller.signal;
  const nativeAborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted")?.get;
  Object.defineProperty(signal, "aborted", {
    get(): boolean {
      const aborted = nativeAborted?.call(signal) === true;
      if (!aborted && Atomics.load(flag, 0) === 1) controller.abort();
      return aborted || Atomics.load(flag, 0) === 1;
    },
  });
  return signal;
}

function post(port: SolveTaskInput["port"], message: WorkerMessage): void {
  port.postMessage(message);
}

/**
 * Folds the solver's separate plan and bound reports into one snapshot (cost, bound and
 * their gap). A repair's reports carry `objective` (cost plus change penalties), which
 * its bound is about: the gap is then the objective's.
 */
class BestSoFar {
  #cost: number | null = null;
  #objective: number | null = null;
  #lowerBound: number | null = null;
  #plan: SolveProgress["plan"] = null;

  update(progress: SolverProgress | RepairProgress): SolveProgress {
    // Read defensively: a report of an unknown kind must not break the solve.
    const report = progress as Partial<Record<"cost" | "objective" | "lowerBound" | "seconds", unknown>> & { plan?: unknown };
    const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
    if (finite(report.cost)) this.#cost = report.cost;
    if (finite(report.objective)) this.#objective = report.objective;
    if (finite(report.lowerBound)) this.#lowerBound = report.lowerBound;
    if (typeof report.plan === "object" && report.plan !== null) this.#plan = report.plan as SolveProgress["plan"];
    const target = this.#objective ?? this.#cost;
    const gap = target === null || this.#lowerBound === null ? null : target === 0 ? 0 : Math.max(0, (target - this.#lowerBound) / target);
    const seconds = finite(report.seconds) ? report.seconds : 0;
    return { cost: this.#cost, ...(this.#objective === null ? {} : { objective: this.#objective }), lowerBound: this.#lowerBound, gap, seconds, plan: this.#plan };
  }
}

function describeFailure(error: unknown): SolveFailure {
  if (error instanceof SolverError) {
    const issues = (error as { issues?: SolveFailure["issues"] }).issues;
    return { name: error.name, code: error.code, message: error.message, ...(issues === undefined ? {} : { issues: issues.map((i) => ({ code: i.code, path: [...i.path], message: i.message })) }) };
  }
  const name = error instanceof Error ? error.name : "Error";
  return { name, code: "SCHED_ERR_INTERNAL_DEFECT", message: error instanceof Error ? error.message : String(error) };
}
