import { z } from "zod";
import { isRegion } from "@/lib/regions";
import type { ResourceKindModule } from "./kind";

/**
 * The zod schemas of what names a resource, made from a workshop's list of kinds: no list of
 * kind names is kept by hand beside the kinds themselves.
 */

// Hajime only ever makes regional things in the Regions an attendee can choose.
const regionOf = (k: ResourceKindModule) => (k.scope === "global" ? z.literal("global") : z.string().refine(isRegion));

function oneOf<T extends z.ZodType>(schemas: T[]): z.ZodType<z.output<T>> {
  const schema = schemas.length === 0 ? z.never() : schemas.length === 1 ? schemas[0] : z.union(schemas as [T, T, ...T[]]);
  return schema as z.ZodType<z.output<T>>;
}

/** A resource the page names for removal: one of `kinds`, a valid name, its kind of region. */
export function refSchema(kinds: readonly ResourceKindModule[]) {
  let schema = refSchemas.get(kinds);
  if (!schema) refSchemas.set(kinds, (schema = buildRefSchema(kinds)));
  return schema;
}

function buildRefSchema(kinds: readonly ResourceKindModule[]) {
  return oneOf(kinds.map((k) => z.object({ kind: z.literal(k.kind), name: k.name, region: regionOf(k) })));
}

// Built once per list of kinds (a workshop's is one array): removals parse every slice of a bucket.
const refSchemas = new WeakMap<readonly ResourceKindModule[], ReturnType<typeof buildRefSchema>>();

/**
 * A ledger entry of one of `kinds` that the ledger records (`ledger` set), with an origin
 * that kind allows. Its region is any: a trail Hajime learned of by its tag may live in a
 * Region outside the chosen ones.
 */
export function ledgerEntrySchema(kinds: readonly ResourceKindModule[]) {
  return oneOf(
    kinds.flatMap((k) =>
      k.ledger
        ? [
            z.object({
              kind: z.literal(k.kind),
              name: k.name,
              region: z.string().min(1),
              origin: z.enum(k.ledger.origins as [string, ...string[]]).optional(),
            }),
          ]
        : [],
    ),
  );
}
