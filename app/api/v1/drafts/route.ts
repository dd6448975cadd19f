import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { actorOf } from "@/lib/server/changes/actor";
import { createDraft, listDrafts } from "@/lib/server/drafts/repo";
import { draftInputSchema } from "@/lib/server/drafts/schema";

const query = z.object({ status: z.enum(["open", "applied", "discarded"], { message: "must be open, applied or discarded" }).default("open") });

/** The caller's drafts. */
export const GET = route({ query }, async ({ query, scope }) => ({ items: await listDrafts(actorOf(scope).name, query.status) }));

/** Starts a draft of one or more objects. */
export const POST = route({ body: draftInputSchema, write: true }, ({ body, scope }) => createDraft(actorOf(scope).name, body));
