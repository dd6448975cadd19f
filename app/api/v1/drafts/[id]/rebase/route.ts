import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { actorOf } from "@/lib/server/changes/actor";
import { rebaseDraftItem } from "@/lib/server/changes/apply";
import { getDraft } from "@/lib/server/drafts/repo";
import { draftIdParams } from "@/lib/server/drafts/schema";

const body = z.strictObject({ index: z.number({ message: "must be the index of an item" }).int().min(0, "must be at least 0") });

/** Reload and reapply: the item's edit replayed onto the live object, which becomes its new base. */
export const POST = route({ params: draftIdParams, body, write: true }, async ({ params, body, scope, store }) => rebaseDraftItem(store, await getDraft(actorOf(scope).name, params.id), body.index));
