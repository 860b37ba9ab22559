import { fencedBlocks, readDoc, section } from "../domain/markdown.js";

/** A fresh copy of the problem of docs/problem.md's "Example" section (mutable: tests vary it). */
export function docsExample(): { budget: { total: number; projects: Record<string, number> } } & Record<string, unknown> {
  const [problemText] = fencedBlocks(section(readDoc("problem.md"), 2, "Example").body, "json");
  return JSON.parse(problemText ?? "null") as ReturnType<typeof docsExample>;
}
