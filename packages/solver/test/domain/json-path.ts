/** A JSON path as in ProblemIssue: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

type Container = Record<string | number, unknown>;

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

/** The value at `path`; throws when a step is missing, so a mistyped test path fails loudly. */
export function getAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const [i, key] of path.entries()) {
    if (!isContainer(node) || !(key in node)) throw new Error(`test path ${JSON.stringify(path)} has no step ${i} (${String(key)})`);
    node = node[key];
  }
  return node;
}

function parentOf(root: unknown, path: JsonPath): { parent: Container; key: string | number } {
  const key = path.at(-1);
  if (key === undefined) throw new Error("empty test path");
  const parent = getAt(root, path.slice(0, -1));
  if (!isContainer(parent)) throw new Error(`test path ${JSON.stringify(path)}: parent is not an object or array`);
  return { parent, key };
}

/** Sets the value at `path`; every step but the last must already exist. */
export function setAt(root: unknown, path: JsonPath, value: unknown): void {
  const { parent, key } = parentOf(root, path);
  parent[key] = value;
}

/** Deletes an object key or removes an array element; the step must exist. */
export function deleteAt(root: unknown, path: JsonPath): void {
  const { parent, key } = parentOf(root, path);
  if (!(key in parent)) throw new Error(`test path ${JSON.stringify(path)} does not exist`);
  if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else delete parent[key];
}

/** Every path to a value inside `root` (not `root` itself), parents before children. */
export function allPaths(root: unknown, prefix: JsonPath = []): (string | number)[][] {
  if (!isContainer(root)) return [];
  const keys: (string | number)[] = Array.isArray(root) ? root.map((_, i) => i) : Object.keys(root);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...allPaths(root[key], path)];
  });
}
