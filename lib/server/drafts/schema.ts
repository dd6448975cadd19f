import "server-only";
import { z } from "zod";

const MAX_YAML = 256 * 1024;
const ref = z.strictObject({ cluster: z.string(), group: z.string(), kind: z.string().min(1), namespace: z.string(), name: z.string().min(1) });

/** One draft item as the API accepts it (lib/views/drafts.ts `DraftItem`). */
export const draftItemSchema = z.strictObject({
  op: z.enum(["create", "update", "delete"], { message: "must be create, update or delete" }),
  cluster: z.string({ message: "must name a cluster" }).min(1, "must name a cluster"),
  yaml: z.string({ message: "must be the object as YAML text" }).max(MAX_YAML, `must be at most ${MAX_YAML} characters`),
  base: z.strictObject({ ref, resourceVersion: z.string().nullable(), yaml: z.string().max(MAX_YAML, `must be at most ${MAX_YAML} characters`) }).optional(),
}).refine((i) => i.op === "create" || i.base !== undefined, { message: "must carry the object it started from (update and delete)", path: ["base"] });

/** Body of `POST /api/v1/drafts`. */
export const draftInputSchema = z.strictObject({
  title: z.string().max(200, "must be at most 200 characters").optional(),
  items: z.array(draftItemSchema).min(1, "must hold at least one object").max(50, "must hold at most 50 objects"),
});

/** Body of `PUT /api/v1/drafts/{id}`. */
export const draftUpdateSchema = draftInputSchema.extend({ revision: z.number({ message: "must be the revision the edit was based on" }).int() });

export const draftIdParams = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, "must be a draft id") });
