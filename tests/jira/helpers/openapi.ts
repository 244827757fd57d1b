// Reads Atlassian's OpenAPI specs and checks a zod response schema against an operation's response schema:
// every property the zod schema declares must exist in the spec with a compatible type ($ref, allOf resolved).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

export type SpecName = 'jira-platform-swagger-v3.v3.json' | 'jira-software-swagger.v3.json';

/** The repository's copy of Atlassian's specs (schemas/openapi), the same files the Forge lint reads. */
export function specPath(name: SpecName): string {
  return join(__dirname, '..', '..', '..', 'schemas', 'openapi', name);
}

export interface OasSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, OasSchema>;
  additionalProperties?: boolean | OasSchema;
  items?: OasSchema;
  allOf?: OasSchema[];
  oneOf?: OasSchema[];
  anyOf?: OasSchema[];
  enum?: unknown[];
}

interface OasMediaType {
  schema?: OasSchema;
  example?: string;
}

interface OasOperation {
  responses: Record<string, { content?: Record<string, OasMediaType> }>;
}

export interface Spec {
  paths: Record<string, Record<string, OasOperation>>;
  components: { schemas: Record<string, OasSchema> };
}

const cache = new Map<SpecName, Spec>();

export function loadSpec(name: SpecName): Spec {
  let spec = cache.get(name);
  if (spec === undefined) {
    spec = JSON.parse(readFileSync(specPath(name), 'utf8')) as Spec;
    cache.set(name, spec);
  }
  return spec;
}

/** The 200 application/json response of an operation: its schema and its example (JSON text), as far as given. */
export function okResponse(spec: Spec, method: string, path: string): OasMediaType {
  const operation = spec.paths[path]?.[method];
  if (operation === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in the spec`);
  const media = operation.responses['200']?.content?.['application/json'];
  if (media === undefined) throw new Error(`${method.toUpperCase()} ${path} has no 200 JSON response`);
  return media;
}

export function componentSchema(spec: Spec, name: string): OasSchema {
  const schema = spec.components.schemas[name];
  if (schema === undefined) throw new Error(`component ${name} is not in the spec`);
  return schema;
}

/** Follows $ref and merges allOf into one schema. */
function resolve(spec: Spec, schema: OasSchema): OasSchema {
  let current = schema;
  for (let depth = 0; current.$ref !== undefined && depth < 20; depth += 1) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = componentSchema(spec, name);
  }
  if (current.allOf !== undefined) {
    const parts = current.allOf.map((part) => resolve(spec, part));
    const merged: OasSchema = { ...current, allOf: undefined, properties: { ...current.properties } };
    for (const part of parts) {
      merged.type ??= part.type;
      merged.items ??= part.items;
      merged.additionalProperties ??= part.additionalProperties;
      Object.assign(merged.properties ?? {}, part.properties);
    }
    return merged;
  }
  return current;
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'catch']);

export interface Comparison {
  /** Each a path and what is wrong there; empty when compatible. */
  problems: string[];
  /** Paths where the spec declares a free-form object, so the zod properties below cannot be checked here. */
  unchecked: string[];
}

/** Checks that every property `zod` declares exists in `oas` with a compatible type. */
export function compareToSpec(spec: Spec, zod: z.ZodType, oas: OasSchema): Comparison {
  const result: Comparison = { problems: [], unchecked: [] };
  walk(spec, zod, oas, '(root)', result);
  return result;
}

function walk(spec: Spec, zod: z.ZodType, rawOas: OasSchema, path: string, result: Comparison): void {
  let def = defOf(zod);
  while (WRAPPERS.has(def.type) && def.innerType !== undefined) def = defOf(def.innerType);
  const oas = resolve(spec, rawOas);
  const variants = oas.oneOf ?? oas.anyOf;
  if (variants !== undefined) {
    const attempts = variants.map((variant) => {
      const attempt: Comparison = { problems: [], unchecked: [] };
      walk(spec, zod, variant, path, attempt);
      return attempt;
    });
    const fitting = attempts.find((attempt) => attempt.problems.length === 0);
    if (fitting === undefined) result.problems.push(`${path}: fits none of the spec's variants`);
    else result.unchecked.push(...fitting.unchecked);
    return;
  }
  const type = oas.type;
  const fail = (expected: string) =>
    result.problems.push(`${path}: zod ${def.type}, spec ${type ?? 'untyped'} (${expected})`);

  switch (def.type) {
    case 'unknown':
    case 'any':
      return;
    case 'string':
    case 'enum':
      if (type !== undefined && type !== 'string') fail('expected string');
      return;
    case 'number':
      if (type !== undefined && type !== 'integer' && type !== 'number') fail('expected integer or number');
      return;
    case 'boolean':
      if (type !== undefined && type !== 'boolean') fail('expected boolean');
      return;
    case 'array':
      if (type !== 'array' || oas.items === undefined || def.element === undefined) {
        fail('expected array');
        return;
      }
      walk(spec, def.element, oas.items, `${path}[]`, result);
      return;
    case 'record': {
      const values = oas.additionalProperties;
      if (type !== 'object' && oas.properties === undefined) {
        fail('expected object');
        return;
      }
      if (
        def.valueType !== undefined &&
        oas.properties !== undefined &&
        (values === undefined || values === false)
      ) {
        // A map read as a record, declared with fixed keys (AvatarUrlsBean: 16x16, 24x24…): check every value.
        for (const [key, declared] of Object.entries(oas.properties))
          walk(spec, def.valueType, declared, `${path}.${key}`, result);
        return;
      }
      if (
        values === undefined ||
        values === true ||
        Object.keys(values).length === 0 ||
        def.valueType === undefined
      ) {
        result.unchecked.push(path);
        return;
      }
      if (values === false) {
        fail('expected a map (additionalProperties)');
        return;
      }
      walk(spec, def.valueType, values, `${path}{}`, result);
      return;
    }
    case 'object': {
      if (type !== undefined && type !== 'object') {
        fail('expected object');
        return;
      }
      const properties = oas.properties;
      if (properties === undefined || Object.keys(properties).length === 0) {
        // A free-form object in the spec (IssueBean.fields): nothing to compare against here.
        result.unchecked.push(path);
        return;
      }
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        const declared = properties[key];
        if (declared === undefined) result.problems.push(`${path}.${key}: not declared in the spec`);
        else walk(spec, child, declared, path === '(root)' ? key : `${path}.${key}`, result);
      }
      return;
    }
    case 'union': {
      const attempts = (def.options ?? []).map((option) => {
        const attempt: Comparison = { problems: [], unchecked: [] };
        walk(spec, option, oas, path, attempt);
        return attempt;
      });
      if (!attempts.some((attempt) => attempt.problems.length === 0)) {
        result.problems.push(`${path}: no union member fits the spec`);
      }
      return;
    }
    default:
      result.problems.push(`${path}: zod type ${def.type} is not handled by the contract check`);
  }
}
