import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { ApiError } from "@/lib/server/api/errors";
import { actorOf } from "@/lib/server/changes/actor";
import { previewDraft } from "@/lib/server/changes/preview";
import { getDraft } from "@/lib/server/drafts/repo";
import { draftIdParams } from "@/lib/server/drafts/schema";

const body = z.strictObject({ contentHash: z.string({ message: "must be the draft's contentHash" }).length(64, "must be the draft's contentHash") });

/** Previews the draft as it stands: field errors, dry run, diff against live, Istio outputs and diagnostics. */
export const POST = route({ params: draftIdParams, body }, async ({ params, body, scope, store }) => {
  const actor = actorOf(scope);
  const draft = await getDraft(actor.name, params.id);
  if (draft.contentHash !== body.contentHash) throw new ApiError(409, "StaleContent", "the draft changed since this preview was asked for: save it and preview again");
  return previewDraft(store, draft, actor);
});
