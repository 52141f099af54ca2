import fc from "fast-check";
import type { z } from "zod";

// Builds fast-check arbitraries of *valid-shaped* values from a zod v4 schema, by walking its
// definition (`schema._zod.def`). Valid-shaped inputs get past the validation layer and reach the
// services, where most 500s hide; the fuzz test then mutates one leaf of them at a time.
// Best effort: cross-field refinements are not solved, and a kind the walker does not know
// falls back to random JSON.

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: unknown;
  inclusive?: boolean;
}

const defOf = (s: Schema) => s._zod.def as unknown as Def;
const checksOf = (d: Def) => ((d.checks as Schema[] | undefined) ?? []).map((c) => c._zod.def as unknown as CheckDef);

/** Realistic values for well-known keys (ids of rows in the fixture, UAIs, tokens…), by key name. */
export type Hints = Record<string, readonly unknown[]>;

export interface WalkOptions {
  hints: Hints;
  /** Arbitraries for schemas the walker cannot see through (e.g. a payload typed `unknown` whose schema depends on a sibling). */
  overrides?: Map<Schema, fc.Arbitrary<unknown>>;
}

const dayIn = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function stringArbitrary(d: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(d);
  const format = (d.format as string | undefined) ?? checks.find((c) => c.check === "string_format" && c.format !== "regex")?.format;
  const regex = checks.find((c) => c.check === "string_format" && c.format === "regex")?.pattern;
  switch (format) {
    case "uuid":
    case "guid":
      return fc.uuid({ version: 4 });
    case "email":
      return fc.tuple(fc.constantFrom("parent", "claire.martin", "direction.college"), fc.nat(9999)).map(([n, i]) => `${n}${i}@exemple.fr`);
    case "date":
      return dayIn(2024, 2028);
    case "datetime":
      return fc.date({ min: new Date("2024-01-01"), max: new Date("2028-12-31"), noInvalidDate: true }).map((x) => x.toISOString());
  }
  if (regex) return fc.stringMatching(regex);
  if (d.pattern instanceof RegExp) return fc.stringMatching(d.pattern);
  const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  const max = checks.find((c) => c.check === "max_length")?.maximum ?? 200;
  const exact = checks.find((c) => c.check === "length_equals")?.length;
  if (exact !== undefined) return fc.string({ minLength: exact, maxLength: exact });
  if (max === 0) return fc.constant("");
  return fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéèàç -'".split("")),
    minLength: Math.max(min, 1),
    maxLength: Math.max(Math.min(max, 40), Math.max(min, 1)),
  });
}

function numberArbitrary(d: Def): fc.Arbitrary<number> {
  const checks = checksOf(d);
  const int = checks.some((c) => c.check === "number_format" && /int/.test(c.format ?? "")) || d.format === "safeint";
  const lo = checks.find((c) => c.check === "greater_than");
  const hi = checks.find((c) => c.check === "less_than");
  const min = typeof lo?.value === "number" ? lo.value + (lo.inclusive ? 0 : int ? 1 : 0.001) : int ? 0 : 0;
  const max = typeof hi?.value === "number" ? hi.value - (hi.inclusive ? 0 : int ? 1 : 0.001) : Math.max(min, 0) + 500;
  return int ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }) : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

/** A valid-shaped value for `schema`; `key` is the object key it sits under (for hints). */
export function validArbitrary(schema: Schema, opts: WalkOptions, key?: string, depth = 0): fc.Arbitrary<unknown> {
  const override = opts.overrides?.get(schema);
  if (override) return override;
  if (depth > 12) return fc.constant(null);
  const d = defOf(schema);
  const hint = key !== undefined ? opts.hints[key] : undefined;
  const leafKinds = new Set(["string", "number", "int", "bigint", "enum", "literal", "date"]);
  if (hint && hint.length > 0 && leafKinds.has(d.type)) {
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...hint) }, { weight: 1, arbitrary: validArbitrary(schema, { ...opts, hints: {} }, undefined, depth) });
  }
  const inner = (s: unknown, k = key) => validArbitrary(s as Schema, opts, k, depth + 1);
  switch (d.type) {
    case "string":
      return stringArbitrary(d);
    case "number":
    case "int":
      return numberArbitrary(d);
    case "bigint":
      return fc.bigInt({ min: 0n, max: 1000n });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("2024-01-01"), max: new Date("2028-12-31"), noInvalidDate: true });
    case "literal":
      return fc.constantFrom(...(d.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(d.entries as Record<string, string | number>));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "optional":
      return fc.option(inner(d.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(d.innerType), { nil: null, freq: 4 });
    case "default":
    case "prefault":
      return fc.option(inner(d.innerType), { nil: undefined, freq: 3 });
    case "readonly":
    case "nonoptional":
    case "catch":
    case "success":
      return inner(d.innerType);
    case "lazy":
      return inner((d.getter as () => Schema)());
    case "pipe": {
      // A transform in front (trim, normalise) says nothing of what is valid: the schema after it does.
      const input = defOf(d.in as Schema);
      const output = defOf(d.out as Schema);
      const shapesInput = (c: CheckDef) => c.check === "string_format" || c.check === "min_length" || c.check === "length_equals";
      const opaqueIn = input.type === "pipe" || (input.type === "string" && !checksOf(input).some(shapesInput));
      const constrainedOut = output.type !== "transform" && output.type !== "custom";
      // "Required" in front of a format (`string().min(1).pipe(iso.date())`): the format says what is valid.
      const lengthOnlyIn = input.type === "string" && !checksOf(input).some((c) => c.check === "string_format");
      const formattedOut = output.type === "string" && (output.format !== undefined || checksOf(output).some((c) => c.check === "string_format"));
      return (opaqueIn && constrainedOut) || (lengthOnlyIn && formattedOut) ? inner(d.out) : inner(d.in);
    }
    case "transform":
      return fc.jsonValue();
    case "array": {
      const checks = checksOf(d);
      const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const max = checks.find((c) => c.check === "max_length")?.maximum ?? 5;
      const elementKey = key?.endsWith("s") ? key.slice(0, -1) : key;
      return fc.array(inner(d.element, elementKey), { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
    }
    case "tuple":
      return fc.tuple(...(d.items as Schema[]).map((s) => inner(s)));
    case "set":
      return fc.array(inner(d.valueType), { maxLength: 3 }).map((a) => new Set(a));
    case "record":
      return fc.dictionary(
        inner(d.keyType).filter((k): k is string => typeof k === "string"),
        inner(d.valueType),
        { maxKeys: 3 },
      );
    case "object": {
      const shape = d.shape as Record<string, Schema>;
      const entries = Object.entries(shape).map(([k, s]) => [k, validArbitrary(s, opts, k, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries)).map((o) =>
        // Optional keys that came out undefined are left out, as a form would.
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
      );
    }
    case "union":
      return fc.oneof(...(d.options as Schema[]).map((s) => inner(s)));
    case "intersection":
      return fc.tuple(inner(d.left), inner(d.right)).map(([a, b]) =>
        a && b && typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a,
      );
    default:
      // unknown, any, custom…: anything JSON can carry.
      return fc.jsonValue({ maxDepth: 2 });
  }
}
