import superjson from "superjson";

// tRPC's wire format with superjson, as the browser client sends it, extended to what a client
// cannot produce by itself: an invalid Date (superjson.serialize throws on one).

type Path = Array<string | number>;

function withoutInvalidDates(v: unknown, path: Path, found: Path[]): unknown {
  if (v instanceof Date) {
    if (!Number.isNaN(v.getTime())) return v;
    found.push(path);
    return new Date(0);
  }
  if (Array.isArray(v)) return v.map((x, i) => withoutInvalidDates(x, [...path, i], found));
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: withoutInvalidDates(x, [...path, k], found), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** The superjson envelope `{ json, meta }` of `input`, as a JSON string. */
export function encodeInput(input: unknown): string {
  const invalid: Path[] = [];
  let serialized: ReturnType<typeof superjson.serialize>;
  try {
    serialized = superjson.serialize(withoutInvalidDates(input, [], invalid));
  } catch {
    // superjson will not write an own "__proto__" or "constructor" key: a hand-made client can.
    return JSON.stringify({ json: input }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  }
  const { json, meta } = serialized;
  let body: unknown = json;
  for (const path of invalid) {
    // The date is still marked "Date" in meta; its text is garbage, so the server decodes an Invalid Date.
    if (path.length === 0) body = "pas une date";
    else {
      let node = body as Record<string | number, unknown>;
      for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
      node[path[path.length - 1]!] = "pas une date";
    }
  }
  return JSON.stringify(meta ? { json: body, meta } : { json: body });
}

/** Percent-encoding that keeps lone surrogates (as WTF-8 bytes) instead of throwing like encodeURIComponent. */
export function percentEncode(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** One request to a procedure as the browser client makes it: GET ?input= for a query, POST for a mutation. */
export function trpcRequest(path: string, type: "query" | "mutation", input: unknown) {
  const encoded = input === undefined ? undefined : encodeInput(input);
  if (type === "query") {
    return { method: "GET" as const, url: `/api/trpc/${path}${encoded === undefined ? "" : `?input=${encodeURIComponent(encoded)}`}` };
  }
  return { method: "POST" as const, url: `/api/trpc/${path}`, headers: { "content-type": "application/json" }, payload: encoded ?? "" };
}
