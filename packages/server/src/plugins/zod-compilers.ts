import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { FastifySchemaCompiler, FastifySerializerCompiler } from "fastify/types/schema.js";
import { z } from "zod";
import { toJsonPointer } from "../errors/http-problem.js";

/**
 * One failed check from {@link zodValidatorCompiler}. Fastify keeps these in
 * `error.validation`; `instancePath` and `message` are what its default message
 * formatter reads, `code` and `path` are zod's, kept whole (with numeric indices).
 */
export interface ZodValidationItem {
  readonly instancePath: string;
  readonly message: string;
  readonly code: string;
  readonly path: readonly (string | number)[];
}

/**
 * Validates request parts with their zod schemas (the solver's own schemas for
 * problems and plans). Written here rather than taken from fastify-type-provider-zod,
 * whose compiler flattens paths into strings and loses which segments are indices;
 * that package still provides the types and the OpenAPI transform.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data: unknown) => {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  const items: ZodValidationItem[] = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    return { instancePath: toJsonPointer(path), message: issue.message, code: issue.code, path };
  });
  return { error: items as unknown as Error };
};

/**
 * Serializes every response with plain `JSON.stringify`. Response schemas are
 * declared for the OpenAPI document only: checking them at runtime would turn a
 * harmless extra field added by the solver into a 500. Tests parse responses
 * against the same schemas instead.
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data: unknown) => JSON.stringify(data);

/** Installs both compilers on the root instance so every route plugin shares them. */
export const zodCompilers = fp(
  async (app: FastifyInstance) => {
    app.setValidatorCompiler(zodValidatorCompiler);
    app.setSerializerCompiler(jsonSerializerCompiler);
  },
  { name: "shootplan-zod-compilers", fastify: "5.x" },
);
