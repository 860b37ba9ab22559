import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { SolveResult } from "@shootplan/solver";
import type { AppliedOptions, SolveProgress, SolveWork } from "../worker/solve-messages.js";
import type { JobError, JobEvent, JobEventType, JobKind, JobRecord, JobStatus, RepairFields } from "./job-record.js";

/** A page of jobs, newest first, without problems, plans or progress. */
export interface JobPage {
  readonly jobs: readonly Omit<JobRecord, "progress">[];
  /** `seq` to pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: number | null;
}

/**
 * Events kept per job; past this, each progress event replaces the last one stored when
 * that is a progress event (a replay then ends with the latest snapshot), so the log
 * stops growing while every event still gets the next number.
 */
const maxStoredEventsPerJob = 1000;

/** 2: repair jobs (`repair`: the rest of the repair request; null for a solve job). */
const schemaVersion = 2;
const schema = `
  CREATE TABLE IF NOT EXISTS jobs (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    owner       TEXT,
    status      TEXT NOT NULL,
    problem     TEXT NOT NULL,
    repair      TEXT,
    options     TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    started_at  INTEGER,
    finished_at INTEGER,
    progress    TEXT,
    result      TEXT,
    error       TEXT
  );
  CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, seq);
  CREATE INDEX IF NOT EXISTS jobs_finished_at ON jobs (finished_at) WHERE finished_at IS NOT NULL;
  CREATE TABLE IF NOT EXISTS job_events (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    type   TEXT NOT NULL,
    data   TEXT NOT NULL,
    at     INTEGER NOT NULL,
    PRIMARY KEY (job_id, seq)
  ) WITHOUT ROWID;
`;

interface JobRow {
  seq: number;
  id: string;
  owner: string | null;
  status: JobStatus;
  kind: JobKind;
  options: string;
  attempts: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  progress?: string | null;
  result: string | null;
  error: string | null;
}

/** A job's kind is whether it holds a repair request, not a column of its own that could disagree. */
const summaryColumns = "seq, id, owner, status, CASE WHEN repair IS NULL THEN 'solve' ELSE 'repair' END AS kind, options, attempts, created_at, started_at, finished_at, result, error";

/**
 * Durable jobs in an embedded SQLite database (better-sqlite3: synchronous, so a
 * write is on disk before the 202 is sent). WAL mode keeps reads fast while the
 * server writes. Problems, results and events are stored as JSON text.
 */
export class JobStore {
  readonly #db: Database.Database;

  /** Opens (creating if needed) the store at `path`; `:memory:` for a store that dies with the process. */
  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = NORMAL");
    this.#db.pragma("foreign_keys = ON");
    this.#db.pragma("busy_timeout = 5000");
    this.#migrate();
  }

  /** Stores a queued job; `repair` (the rest of a repair request) makes it a repair job. */
  insert(job: { id: string; owner: string | null; problem: unknown; repair?: RepairFields; options: AppliedOptions; createdAt: number }): JobRecord {
    this.#db
      .prepare("INSERT INTO jobs (id, owner, status, problem, repair, options, created_at) VALUES (?, ?, 'queued', ?, ?, ?, ?)")
      .run(job.id, job.owner, JSON.stringify(job.problem), job.repair === undefined ? null : JSON.stringify(job.repair), JSON.stringify(job.options), job.createdAt);
    return this.get(job.id) as JobRecord;
  }

  get(id: string): JobRecord | null {
    const row = this.#db.prepare(`SELECT ${summaryColumns}, progress FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
    return row === undefined ? null : toRecord(row);
  }

  /** The problem as submitted (validated and with defaults applied). */
  problem(id: string): unknown {
    const row = this.#db.prepare("SELECT problem FROM jobs WHERE id = ?").get(id) as { problem: string } | undefined;
    return row === undefined ? null : JSON.parse(row.problem);
  }

  /** What a worker runs for the job: a solve of its problem, or the whole repair request. */
  work(id: string): SolveWork | null {
    const row = this.#db.prepare("SELECT problem, repair FROM jobs WHERE id = ?").get(id) as { problem: string; repair: string | null } | undefined;
    if (row === undefined) return null;
    const problem = JSON.parse(row.problem) as unknown;
    if (row.repair === null) return { kind: "solve", problem };
    return { kind: "repair", request: { problem, ...(JSON.parse(row.repair) as RepairFields) } };
  }

  list(query: { owner: string | null; status?: JobStatus; limit: number; cursor?: number }): JobPage {
    const where = ["(owner IS ? OR ? IS NULL)"];
    const params: unknown[] = [query.owner, query.owner];
    if (query.status !== undefined) (where.push("status = ?"), params.push(query.status));
    if (query.cursor !== undefined) (where.push("seq < ?"), params.push(query.cursor));
    const rows = this.#db.prepare(`SELECT ${summaryColumns} FROM jobs WHERE ${where.join(" AND ")} ORDER BY seq DESC LIMIT ?`).all(...params, query.limit + 1) as JobRow[];
    const page = rows.slice(0, query.limit).map(toRecord);
    return { jobs: page, nextCursor: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null };
  }

  /** Jobs that were queued or running, oldest first: the work to resume after a restart. */
  unfinished(): JobRecord[] {
    const rows = this.#db.prepare(`SELECT ${summaryColumns}, progress FROM jobs WHERE status IN ('queued', 'running') ORDER BY seq`).all() as JobRow[];
    return rows.map(toRecord);
  }

  /** Marks a queued job running and counts the attempt; false (and no change) unless it was queued. */
  markRunning(id: string, startedAt: number): boolean {
    return this.#db.prepare("UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = ? WHERE id = ? AND status = 'queued'").run(startedAt, id).changes === 1;
  }

  requeue(id: string): void {
    this.#db.prepare("UPDATE jobs SET status = 'queued' WHERE id = ?").run(id);
  }

  /** Undoes the attempt count of a run interrupted by a graceful shutdown (not the job's fault). */
  refundAttempt(id: string): void {
    this.#db.prepare("UPDATE jobs SET attempts = MAX(attempts - 1, 0) WHERE id = ?").run(id);
  }

  saveProgress(id: string, progress: SolveProgress): void {
    this.#db.prepare("UPDATE jobs SET progress = ? WHERE id = ?").run(JSON.stringify(progress), id);
  }

  finish(id: string, end: { status: Extract<JobStatus, "completed" | "failed" | "cancelled">; result: SolveResult | null; error: JobError | null; finishedAt: number }): void {
    this.#db
      .prepare("UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ? WHERE id = ?")
      .run(end.status, end.result === null ? null : JSON.stringify(end.result), end.error === null ? null : JSON.stringify(end.error), end.finishedAt, id);
  }

  /**
   * Appends to the job's event log and returns the stored event: its `seq` is one more
   * than any before it, so ids never repeat (a client drops an event whose id it has
   * seen: with repeated ids past the cap, `finished` never reached a live stream).
   */
  appendEvent(jobId: string, type: JobEventType, data: Record<string, unknown>, at: number): JobEvent {
    const last = this.#db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq, COUNT(*) AS count FROM job_events WHERE job_id = ?").get(jobId) as { seq: number; count: number };
    const event: JobEvent = { seq: last.seq + 1, type, data, at };
    this.#db
      .transaction(() => {
        if (type === "progress" && last.count >= maxStoredEventsPerJob) {
          this.#db.prepare("DELETE FROM job_events WHERE job_id = ? AND seq = ? AND type = 'progress'").run(jobId, last.seq);
        }
        this.#db.prepare("INSERT INTO job_events (job_id, seq, type, data, at) VALUES (?, ?, ?, ?, ?)").run(jobId, event.seq, type, JSON.stringify(data), at);
      })
      .immediate();
    return event;
  }

  /** The `seq` of the job's latest event; 0 when it has none. */
  lastEventSeq(jobId: string): number {
    return (this.#db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM job_events WHERE job_id = ?").get(jobId) as { seq: number }).seq;
  }

  /** Events with `seq` greater than `afterSeq`, in order. */
  events(jobId: string, afterSeq = 0): JobEvent[] {
    const rows = this.#db.prepare("SELECT seq, type, data, at FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq").all(jobId, afterSeq) as { seq: number; type: JobEventType; data: string; at: number }[];
    return rows.map((r) => ({ seq: r.seq, type: r.type, data: JSON.parse(r.data) as Record<string, unknown>, at: r.at }));
  }

  /** Deletes finished jobs (and their events) that ended before `cutoff`; returns how many. */
  deleteFinishedBefore(cutoff: number): number {
    return this.#db.prepare("DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?").run(cutoff).changes;
  }

  /** A cheap query proving the database answers (readiness). */
  ping(): boolean {
    return (this.#db.prepare("SELECT 1 AS ok").get() as { ok: number }).ok === 1;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /**
   * Brings the file to {@link schemaVersion} in one immediate transaction, so a crash
   * midway leaves it as it was. Columns are added by what the table lacks, not by the
   * version number alone: a schema-1 file (solve jobs only, which stay solve jobs) and a
   * file whose version was never stamped both end complete.
   */
  #migrate(): void {
    const version = this.#db.pragma("user_version", { simple: true }) as number;
    if (version > schemaVersion) throw new Error(`the job store was written by a newer server (schema ${version}, this one knows ${schemaVersion})`);
    this.#db
      .transaction(() => {
        this.#db.exec(schema);
        const columns = new Set((this.#db.prepare("PRAGMA table_info(jobs)").all() as { name: string }[]).map((c) => c.name));
        if (!columns.has("repair")) this.#db.exec("ALTER TABLE jobs ADD COLUMN repair TEXT");
        this.#db.pragma(`user_version = ${schemaVersion}`);
      })
      .immediate();
  }
}

function toRecord(row: JobRow): JobRecord {
  return {
    seq: row.seq,
    id: row.id,
    owner: row.owner,
    status: row.status,
    kind: row.kind,
    options: JSON.parse(row.options) as AppliedOptions,
    attempts: row.attempts,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    progress: row.progress === undefined || row.progress === null ? null : (JSON.parse(row.progress) as SolveProgress),
    result: row.result === null ? null : (JSON.parse(row.result) as SolveResult),
    error: row.error === null ? null : (JSON.parse(row.error) as JobError),
  };
}
