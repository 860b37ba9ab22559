/**
 * A deliberately small JSON Schema (draft 2020-12) validator for the keywords the
 * generated schemas use, so tests can check the committed schema accepts and rejects
 * what the zod schema does without a validator dependency. Any keyword it does not
 * know throws: a new keyword in the output cannot be silently ignored.
 */

type Schema = Record<string, unknown>;

/** One failed keyword: where in the value, and which keyword. */
export interface SchemaError {
  readonly path: readonly (string | number)[];
  readonly keyword: string;
}

// Annotations carry no assertion (`format` is an annotation by default in 2020-12).
const annotations = new Set(["$schema", "$id", "title", "description", "default", "format"]);
const assertions = new Set([
  "type", "enum", "anyOf", "properties", "required", "additionalProperties", "propertyNames", "items",
  "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
]);

/** The keywords this checker understands, for the test that the schema uses nothing else. */
export const supportedKeywords: ReadonlySet<string> = new Set([...annotations, ...assertions]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case "object": return isObject(value);
    case "array": return Array.isArray(value);
    case "string": return typeof value === "string";
    case "number": return typeof value === "number" && Number.isFinite(value);
    case "integer": return typeof value === "number" && Number.isInteger(value);
    case "boolean": return typeof value === "boolean";
    case "null": return value === null;
    default: throw new Error(`unknown JSON Schema type ${String(type)}`);
  }
}

/** Every keyword of `schema` that `value` fails; empty when valid. */
export function checkJsonSchema(schema: unknown, value: unknown, path: (string | number)[] = []): SchemaError[] {
  if (schema === true) return [];
  if (!isObject(schema)) throw new Error(`not a schema at ${JSON.stringify(path)}`);
  const errors: SchemaError[] = [];
  const fail = (keyword: string, at: (string | number)[] = path): void => void errors.push({ path: at, keyword });
  for (const [keyword, arg] of Object.entries(schema as Schema)) {
    if (annotations.has(keyword)) continue;
    switch (keyword) {
      case "type":
        if (!(Array.isArray(arg) ? arg : [arg]).some((t) => hasType(value, t))) fail(keyword);
        break;
      case "enum":
        if (!(arg as unknown[]).some((option) => JSON.stringify(option) === JSON.stringify(value))) fail(keyword);
        break;
      case "anyOf":
        if (!(arg as unknown[]).some((sub) => checkJsonSchema(sub, value, path).length === 0)) fail(keyword);
        break;
      case "properties":
        if (isObject(value)) {
          for (const [key, sub] of Object.entries(arg as Schema)) {
            if (Object.hasOwn(value, key)) errors.push(...checkJsonSchema(sub, value[key], [...path, key]));
          }
        }
        break;
      case "required":
        if (isObject(value)) for (const key of arg as string[]) if (!Object.hasOwn(value, key)) fail(keyword, [...path, key]);
        break;
      case "additionalProperties":
        if (isObject(value)) {
          const declared = isObject(schema["properties"]) ? schema["properties"] : {};
          for (const key of Object.keys(value).filter((k) => !Object.hasOwn(declared, k))) {
            if (arg === false) fail(keyword, [...path, key]);
            else errors.push(...checkJsonSchema(arg, value[key], [...path, key]));
          }
        }
        break;
      case "propertyNames":
        if (isObject(value)) for (const key of Object.keys(value)) if (checkJsonSchema(arg, key).length > 0) fail(keyword, [...path, key]);
        break;
      case "items":
        if (Array.isArray(value)) value.forEach((item, i) => errors.push(...checkJsonSchema(arg, item, [...path, i])));
        break;
      case "minimum":
        if (typeof value === "number" && value < (arg as number)) fail(keyword);
        break;
      case "maximum":
        if (typeof value === "number" && value > (arg as number)) fail(keyword);
        break;
      // Lengths count code points, as JSON Schema specifies.
      case "minLength":
        if (typeof value === "string" && [...value].length < (arg as number)) fail(keyword);
        break;
      case "maxLength":
        if (typeof value === "string" && [...value].length > (arg as number)) fail(keyword);
        break;
      case "pattern":
        if (typeof value === "string" && !new RegExp(arg as string, "u").test(value)) fail(keyword);
        break;
      case "minItems":
        if (Array.isArray(value) && value.length < (arg as number)) fail(keyword);
        break;
      case "maxItems":
        if (Array.isArray(value) && value.length > (arg as number)) fail(keyword);
        break;
      default:
        throw new Error(`json-schema-check does not support the keyword "${keyword}" (at ${JSON.stringify(path)})`);
    }
  }
  return errors;
}

/** Every keyword used anywhere in a schema (property names under `properties` are not keywords). */
export function keywordsOf(schema: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      found.add(key);
      if (key === "properties" && isObject(child)) Object.values(child).forEach(walk);
      else if (key !== "enum" && key !== "default" && key !== "required") walk(child);
    }
  };
  walk(schema);
  return found;
}
