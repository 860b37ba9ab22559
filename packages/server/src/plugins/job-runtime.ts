import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { ServerConfig } from "../config.js";
import { JobService } from "../jobs/job-service.js";
import { JobStore } from "../jobs/job-store.js";
import { SolvePool } from "../worker/solve-pool.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Durable solve jobs. */
    jobs: JobService;
    /** Worker threads and their bounded queue (shared by jobs and synchronous solves). */
    solvePool: SolvePool;
    /** The job store (readiness checks). */
    jobStore: JobStore;
    /** True from the moment the server starts closing: readiness fails, new work is refused. */
    isClosing: () => boolean;
  }
}

/**
 * Opens the job store, starts the worker pool, resumes unfinished jobs, and on
 * close drains them (running solves get `shutdownGraceSeconds`, then stay queued
 * for the next start).
 */
export const jobRuntime = fp(
  async (app: FastifyInstance, options: { readonly config: ServerConfig }) => {
    const { config } = options;
    const store = new JobStore(config.dbPath === ":memory:" ? config.dbPath : resolve(config.dbPath));
    const pool = new SolvePool({
      workers: config.workers,
      queueSize: config.queueSize,
      cancelGraceMs: config.cancelGraceMs,
      watchdogSlackSeconds: config.watchdogSlackSeconds,
      workerMemoryMb: config.workerMemoryMb,
    });
    const jobs = new JobService({ store, pool, log: app.log, maxAttempts: config.maxAttempts, ttlSeconds: config.jobTtlSeconds });
    let closing = false;
    app.decorate("jobStore", store);
    app.decorate("solvePool", pool);
    app.decorate("jobs", jobs);
    app.decorate("isClosing", () => closing);
    app.addHook("preClose", async () => {
      closing = true;
    });
    app.addHook("onClose", async () => {
      await jobs.close(config.shutdownGraceSeconds * 1000);
      store.close();
    });
    jobs.start();
  },
  { name: "shootplan-job-runtime", fastify: "5.x" },
);
