import { z } from 'zod';

/** A JSON Schema object as OpenAPI 3.1 embeds it (dialect 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * Character classes such as `\p{Cc}` as explicit ranges of the Basic
 * Multilingual Plane, memoised. ECMA-262 reads `\p{…}` only with its `u` flag
 * and most non-JavaScript tools (Python's `re`, which schemathesis uses) not
 * at all; ranges of `\uXXXX` read the same everywhere. Surrogates and astral
 * characters are left out (Rust's regex, which schemathesis validates with,
 * refuses surrogate ranges), so the documented pattern is at most looser than
 * the handler's, never stricter.
 */
const propertyRanges = new Map<string, string>();

function bmpRanges(property: string): string {
  const known = propertyRanges.get(property);
  if (known !== undefined) return known;

  const matches = new RegExp(`^\\p{${property}}$`, 'u');
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  let ranges = '';
  let start = -1;
  for (let code = 0; code <= 0x10000; code += 1) {
    const inClass =
      code < 0xd800 || (code > 0xdfff && code < 0x10000)
        ? matches.test(String.fromCharCode(code))
        : false;
    if (inClass && start < 0) start = code;
    if (!inClass && start >= 0) {
      ranges += start === code - 1 ? hex(start) : `${hex(start)}-${hex(code - 1)}`;
      start = -1;
    }
  }
  propertyRanges.set(property, ranges);
  return ranges;
}

/** The pattern with each `\p{…}` inside a character class spelled out as ranges. */
export function portablePattern(pattern: string): string {
  return pattern.replace(/\\p\{([A-Za-z_]+)\}/g, (_, property: string) => bmpRanges(property));
}

/**
 * Adjusts what zod generates for readers other than zod: portable patterns,
 * and `format: date-time` alone rather than zod's page-long regex beside it.
 */
function override({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (typeof jsonSchema.pattern !== 'string') return;
  if (jsonSchema.format === 'date-time' || jsonSchema.format === 'date') {
    delete jsonSchema.pattern;
    return;
  }
  jsonSchema.pattern = portablePattern(jsonSchema.pattern);
}

/** Drops what OpenAPI states once for the whole document: the dialect and ids. */
function embedded(json: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = json;
  return rest;
}

/**
 * A zod schema as the JSON Schema OpenAPI 3.1 embeds. Requests are described
 * as they are sent (`input`: a defaulted field is optional), answers as they
 * come back (`output`).
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return embedded(z.toJSONSchema(schema, { io, unrepresentable: 'any', override }) as JsonSchema);
}

/** Named answer schemas as `components.schemas`, referring to each other by `$ref`. */
export function namedJsonSchemas(
  named: Readonly<Record<string, z.ZodType>>,
  uri: (name: string) => string,
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });

  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    override,
    uri,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, json]) => [id, embedded(json as JsonSchema)]),
  );
}
