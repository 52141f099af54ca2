import { syncOperation, syncOperationKinds, syncPayloadSchema, type SyncOperationKind } from "@medianum/domain";
import fc from "fast-check";
import { validArbitrary, type Hints, type WalkOptions } from "./zod-arbitrary.js";

/**
 * How to walk the product's input schemas: `hints` for well-known keys, and what the walker cannot
 * see by itself — sync.push carries each operation's payload as `unknown`, its schema depending on
 * the operation's kind.
 */
export function walkOptions(hints: Hints): WalkOptions {
  const opts: WalkOptions = { hints, overrides: new Map() };
  const kinds = syncOperationKinds.values as readonly SyncOperationKind[];
  opts.overrides!.set(
    syncOperation,
    fc.constantFrom(...kinds).chain((kind) => fc.record({ id: fc.uuid({ version: 4 }), kind: fc.constant(kind), payload: validArbitrary(syncPayloadSchema(kind)!, opts) })),
  );
  return opts;
}
