import type { MilpModel, MilpRow, MilpTerm, MilpVariable } from "./milp-model.js";

/**
 * CPLEX LP text writer for {@link MilpModel}.
 *
 * Portability choices (checked against the HiGHS 1.15 reader shipped in npm `highs`):
 * - Names keep only `A-Z a-z 0-9 _ . ( ) ,` (`[`/`]` become `(`/`)`, anything else `_`).
 *   HiGHS rejects `[ ] < > = + - * : ^ /`, and it *aborts the WebAssembly runtime*
 *   (not a clean parse error) on a name that is a section keyword (`end`, `free`,
 *   `bounds`, `bin`, ...) or starts with `inf`/`nan`; such names get a `_` prefix.
 * - Ranged rows (`l <= expr <= u` in Subject To) also abort HiGHS, so a row with two
 *   different finite sides is written as two rows, `<name>~lo` and `<name>~up`.
 * - LP format has no objective constant; it is left out (see the comment line in the
 *   text) and must be added back to any objective read from a solver.
 * - Lines are wrapped at 255 characters, the CPLEX format limit (old HiGHS readers
 *   stopped at 560, current ones have no limit; other readers still have limits).
 */

/** Options of {@link writeCplexLp}. */
export interface LpFormatOptions {
  /**
   * `"readable"` (default) derives names from the model's names; `"indexed"` uses
   * `x<i>` for variable `i` and `r<i>` for row `i` (short, and trivially mapped back).
   */
  readonly names?: "readable" | "indexed";
  /** Maximum characters per line before wrapping; default 255 (the CPLEX limit). */
  readonly maxLineLength?: number;
}

/** LP text plus the name given to every variable and row. */
export interface CplexLp {
  readonly text: string;
  /** LP name of `model.variables[i]`; unique. */
  readonly variableNames: readonly string[];
  /**
   * LP name of `model.rows[i]`; unique. A ranged row appears in the text as
   * `<name>~lo` and `<name>~up`; a row with no finite side is omitted.
   */
  readonly rowNames: readonly string[];
}

/** Longest sanitised name before a uniqueness suffix: leaves room on a 255-char line. */
const MAX_NAME_LENGTH = 180;

/** Words an LP reader may take for a keyword when they stand alone (lower case). */
const RESERVED = new Set([
  "min", "minimize", "minimise", "minimum", "max", "maximize", "maximise", "maximum",
  "subject", "such", "st", "s.t.", "st.", "bound", "bounds", "free", "gen", "general",
  "generals", "int", "integer", "integers", "bin", "binary", "binaries", "semi", "semis",
  "semi-continuous", "sos", "sos1", "sos2", "end", "obj",
]);

/** CPLEX LP text of `model` (see {@link writeCplexLp}). */
export function toCplexLp(model: MilpModel, options: LpFormatOptions = {}): string {
  return writeCplexLp(model, options).text;
}

/**
 * Writes `model` as CPLEX LP text (Minimize / Subject To / Bounds / General / Binary / End).
 * Deterministic: the same model and options always give the same text. The objective
 * constant is not written (LP has none); add `model.objective.constant` back.
 * @throws RangeError when a coefficient or bound is NaN or a term's variable index is out of range.
 */
export function writeCplexLp(model: MilpModel, options: LpFormatOptions = {}): CplexLp {
  const indexed = options.names === "indexed";
  const variableNames = indexed
    ? model.variables.map((_, i) => `x${i}`)
    : uniqueNames(model.variables.map((v) => v.name));
  const rowNames = indexed ? model.rows.map((_, i) => `r${i}`) : uniqueNames(model.rows.map((r) => r.name));
  const out = new LineWriter(options.maxLineLength ?? 255);
  writeHeader(out, model);
  writeObjective(out, model, variableNames);
  out.line("Subject To");
  model.rows.forEach((row, i) => writeRow(out, row, rowNames[i] ?? `r${i}`, variableNames, model.variables.length));
  writeBounds(out, model.variables, variableNames);
  writeIntegrality(out, model.variables, variableNames);
  out.line("End");
  return { text: out.text(), variableNames, rowNames };
}

/**
 * Legal, readable, unique LP names for `names`, in order. Deterministic. A name whose
 * sanitised form is already taken gets `~<index>`; `~` never appears otherwise, so the
 * result is unique.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = sanitizeName(name);
    const unique = used.has(base) ? `${base}~${i}` : base;
    used.add(unique);
    return unique;
  });
}

/** One name made legal for CPLEX LP and HiGHS; may collide with others (see {@link uniqueNames}). */
export function sanitizeName(name: string): string {
  let s = name.replace(/\[/g, "(").replace(/\]/g, ")").replace(/[^A-Za-z0-9_.(),]/g, "_");
  if (s.length > MAX_NAME_LENGTH) s = s.slice(0, MAX_NAME_LENGTH);
  const lower = s.toLowerCase();
  // Digits and `.` would start a number, `e<digit>` reads as an exponent, and strtod
  // accepts any `inf...`/`nan...` prefix: all confuse the reader, so add a prefix.
  const risky = s === "" || /^[0-9.]/.test(s) || /^e([0-9]|$)/i.test(s) || /^(inf|nan)/.test(lower);
  return risky || RESERVED.has(lower) ? `_${s}` : s;
}

/**
 * Exact decimal text of a finite number: the shortest round-trip digits, never with
 * a `+` exponent sign (an LP reader could take `+` for an operator). Integers print as
 * integers; exponents beyond ±30 stay in `1e-40` form to keep lines short.
 * @throws RangeError for NaN or infinities.
 */
export function formatLpNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`LP number must be finite, got ${value}`);
  const s = String(value === 0 ? 0 : value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (match === null) return s;
  const [, sign = "", lead = "", frac = "", expText = "0"] = match;
  const exp = Number(expText);
  if (Math.abs(exp) > 30) return s.replace("e+", "e");
  const digits = lead + frac;
  if (exp >= 0) return sign + digits + "0".repeat(Math.max(0, exp - frac.length));
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}

/** Accumulates tokens into lines no longer than the limit (when tokens allow). */
class LineWriter {
  private readonly lines: string[] = [];
  private current = "";

  constructor(private readonly maxLength: number) {}

  line(text: string): void {
    this.flush();
    this.lines.push(text);
  }

  /** Appends a token, starting a continuation line (indented) when it would not fit. */
  token(token: string): void {
    if (this.current !== "" && this.current.length + 1 + token.length > this.maxLength) this.flush();
    this.current = this.current === "" ? ` ${token}` : `${this.current} ${token}`;
  }

  flush(): void {
    if (this.current !== "") this.lines.push(this.current);
    this.current = "";
  }

  text(): string {
    this.flush();
    return `${this.lines.join("\n")}\n`;
  }
}

function writeHeader(out: LineWriter, model: MilpModel): void {
  out.line(`\\ ${model.variables.length} variables, ${model.rows.length} rows`);
  const constant = model.objective.constant;
  if (constant !== 0) {
    out.line(`\\ objective constant ${formatLpNumber(constant)} is not written (LP has none): add it back`);
  }
}

/** Every variable appears in the objective (0 when absent) so readers create all columns, in index order. */
function writeObjective(out: LineWriter, model: MilpModel, names: readonly string[]): void {
  const cost = new Array<number>(model.variables.length).fill(0);
  for (const term of model.objective.terms) {
    checkTerm(term, model.variables.length, "objective");
    cost[term.variable] = (cost[term.variable] ?? 0) + term.coefficient;
  }
  out.line("Minimize");
  out.token("obj:");
  cost.forEach((c, i) => writeTerm(out, c, names[i] ?? `x${i}`, i === 0));
  out.flush();
}

function writeRow(out: LineWriter, row: MilpRow, name: string, names: readonly string[], nVars: number): void {
  checkNumber(row.lower, `row ${row.name} lower`);
  checkNumber(row.upper, `row ${row.name} upper`);
  const terms = mergeTerms(row.terms, nVars, `row ${row.name}`);
  const lowerFinite = Number.isFinite(row.lower);
  const upperFinite = Number.isFinite(row.upper);
  if (!lowerFinite && !upperFinite) {
    out.line(`\\ row ${name} has no finite side and is omitted`);
  } else if (nVars === 0) {
    // Without any variable an empty row cannot be written; record it for the reader of the text.
    out.line(`\\ row ${name} has no terms: 0 in [${row.lower}, ${row.upper}]`);
  } else if (lowerFinite && upperFinite && row.lower === row.upper) {
    writeConstraint(out, name, terms, names, "=", row.lower);
  } else if (lowerFinite && upperFinite) {
    writeConstraint(out, `${name}~lo`, terms, names, ">=", row.lower);
    writeConstraint(out, `${name}~up`, terms, names, "<=", row.upper);
  } else if (lowerFinite) {
    writeConstraint(out, name, terms, names, ">=", row.lower);
  } else {
    writeConstraint(out, name, terms, names, "<=", row.upper);
  }
}

function writeConstraint(
  out: LineWriter,
  name: string,
  terms: ReadonlyMap<number, number>,
  names: readonly string[],
  sense: ">=" | "<=" | "=",
  rhs: number,
): void {
  out.token(`${name}:`);
  let first = true;
  for (const [variable, coefficient] of terms) {
    writeTerm(out, coefficient, names[variable] ?? `x${variable}`, first);
    first = false;
  }
  // An empty row still needs a variable for the reader; `0 x` keeps its meaning (0 vs rhs).
  if (first) writeTerm(out, 0, names[0] ?? "x0", true);
  out.token(sense);
  out.token(formatLpNumber(rhs));
  out.flush();
}

function writeTerm(out: LineWriter, coefficient: number, name: string, first: boolean): void {
  const magnitude = Math.abs(coefficient);
  const sign = coefficient < 0 ? "-" : first ? "" : "+";
  const text = magnitude === 1 ? name : `${formatLpNumber(magnitude)} ${name}`;
  out.token(sign === "" ? text : `${sign} ${text}`);
}

function writeBounds(out: LineWriter, variables: readonly MilpVariable[], names: readonly string[]): void {
  out.line("Bounds");
  variables.forEach((v, i) => {
    checkNumber(v.lower, `variable ${v.name} lower`);
    checkNumber(v.upper, `variable ${v.name} upper`);
    const line = boundLine(v, names[i] ?? `x${i}`);
    if (line !== null) out.line(` ${line}`);
  });
}

/** The Bounds line of one variable, or null when the LP default (0 <= x < inf) or Binary covers it. */
function boundLine(v: MilpVariable, name: string): string | null {
  const lo = Number.isFinite(v.lower) ? formatLpNumber(v.lower) : null;
  const up = Number.isFinite(v.upper) ? formatLpNumber(v.upper) : null;
  if (isBinary(v)) return null;
  if (lo !== null && up !== null) return v.lower === v.upper ? `${name} = ${lo}` : `${lo} <= ${name} <= ${up}`;
  if (lo !== null) return v.lower === 0 ? null : `${name} >= ${lo}`;
  if (up !== null) return `-inf <= ${name} <= ${up}`;
  return `${name} free`;
}

function writeIntegrality(out: LineWriter, variables: readonly MilpVariable[], names: readonly string[]): void {
  const general = variables.flatMap((v, i) => (v.integer && !isBinary(v) ? [names[i] ?? `x${i}`] : []));
  const binary = variables.flatMap((v, i) => (isBinary(v) ? [names[i] ?? `x${i}`] : []));
  for (const [header, list] of [["General", general], ["Binary", binary]] as const) {
    if (list.length === 0) continue;
    out.line(header);
    list.forEach((name) => out.token(name));
    out.flush();
  }
}

function isBinary(v: MilpVariable): boolean {
  return v.integer && v.lower === 0 && v.upper === 1;
}

/** Sums duplicate variables (readers differ on them) and drops zeros, keeping first-seen order. */
function mergeTerms(terms: readonly MilpTerm[], nVars: number, where: string): Map<number, number> {
  const merged = new Map<number, number>();
  for (const term of terms) {
    checkTerm(term, nVars, where);
    merged.set(term.variable, (merged.get(term.variable) ?? 0) + term.coefficient);
  }
  for (const [variable, coefficient] of merged) if (coefficient === 0) merged.delete(variable);
  return merged;
}

function checkTerm(term: MilpTerm, nVars: number, where: string): void {
  if (!Number.isInteger(term.variable) || term.variable < 0 || term.variable >= nVars) {
    throw new RangeError(`${where}: variable index ${term.variable} out of range 0..${nVars - 1}`);
  }
  if (!Number.isFinite(term.coefficient)) throw new RangeError(`${where}: coefficient ${term.coefficient}`);
}

/** Rejects NaN, and a lower side of +inf or upper side of -inf (no LP spelling means that). */
function checkNumber(value: number, where: string): void {
  const wrongInfinity = where.endsWith("lower") ? value === Infinity : value === -Infinity;
  if (Number.isNaN(value) || wrongInfinity) throw new RangeError(`${where} is ${value}`);
}
