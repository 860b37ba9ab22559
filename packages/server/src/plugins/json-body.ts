import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { HttpProblem, toJsonPointer, type RequestIssue } from "../errors/http-problem.js";

/**
 * Parses `application/json` bodies in place of Fastify's parser, with the same codes
 * (`FST_ERR_CTP_EMPTY_JSON_BODY`, `FST_ERR_CTP_INVALID_JSON_BODY`) and the same refusal
 * of prototype-poisoning keys, but with answers that say what is wrong and where:
 * Fastify's parser reports a `__proto__` key (say, a role named so) as "not valid JSON".
 * The body limit is still Fastify's (it is enforced while the body is read).
 */
export const jsonBody = fp(
  async (app: FastifyInstance) => {
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
      try {
        done(null, parseJsonBody(String(body)));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  },
  { name: "shootplan-json-body", fastify: "5.x" },
);

/**
 * Reserved keys reported at most: the scan stops there, so a body with one at every
 * level of a deep nesting costs no more than this many paths (each as long as the depth).
 */
const MAX_RESERVED_REPORTED = 10;

/** The body's value, or an HttpProblem naming what is wrong (empty, malformed, or a reserved key and its path). */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw problem("FST_ERR_CTP_EMPTY_JSON_BODY", "The body is empty; send a JSON document.");
  let value: unknown;
  try {
    // JSON.parse makes "__proto__" an own property, never the prototype: safe to inspect below.
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw problem("FST_ERR_CTP_INVALID_JSON_BODY", `The body is not valid JSON: ${(error as Error).message}.`);
  }
  const issues = reservedKeys(value);
  if (issues.length > 0) {
    const shown = issues.slice(0, 3).map((i) => (i.pointer.length > 200 ? `${i.pointer.slice(0, 200)}…` : i.pointer));
    const more = issues.length >= MAX_RESERVED_REPORTED ? " and more" : issues.length > 3 ? ` and ${issues.length - 3} more` : "";
    const detail = `The body uses ${issues.length === 1 ? "a key" : "keys"} refused for safety (${shown.join(", ")}${more}): rename ${issues.length === 1 ? "it" : "them"}.`;
    throw problem("FST_ERR_CTP_INVALID_JSON_BODY", detail, issues);
  }
  return value;
}

/**
 * Keys whose use elsewhere could reach an object's prototype: `__proto__`, and
 * `prototype` inside `constructor`. Iterative, with parent links rather than copied
 * paths: a body may nest deeper than the stack (and quadratic copying would hang it).
 */
function reservedKeys(root: unknown): RequestIssue[] {
  interface Node {
    readonly value: unknown;
    readonly key: string | number | null;
    readonly parent: Node | null;
  }
  const pathOf = (node: Node): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Node | null = node; at !== null && at.key !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const issues: RequestIssue[] = [];
  const pending: Node[] = [{ value: root, key: null, parent: null }];
  for (let node = pending.pop(); node !== undefined && issues.length < MAX_RESERVED_REPORTED; node = pending.pop()) {
    const { value } = node;
    if (typeof value !== "object" || value === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    for (const [key, child] of entries) {
      const at: Node = { value: child, key, parent: node };
      const reserved = key === "__proto__" || (key === "constructor" && typeof child === "object" && child !== null && Object.hasOwn(child, "prototype"));
      if (!reserved) {
        pending.push(at);
        continue;
      }
      const path = pathOf(at);
      issues.push({ in: "body", code: "reserved_key", path, pointer: toJsonPointer(path), message: `The key "${key}" is reserved.` });
      if (issues.length >= MAX_RESERVED_REPORTED) break;
    }
  }
  return issues.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function problem(code: string, detail: string, issues: readonly RequestIssue[] = []): HttpProblem {
  return new HttpProblem({ status: 400, code, title: "Bad Request", detail, issues });
}
