import { route } from "@/lib/server/api/handler";
import { actorOf } from "@/lib/server/changes/actor";
import { getDraft, setDraftStatus, updateDraft } from "@/lib/server/drafts/repo";
import { draftIdParams, draftUpdateSchema } from "@/lib/server/drafts/schema";

/** One of the caller's drafts. */
export const GET = route({ params: draftIdParams }, ({ params, scope }) => getDraft(actorOf(scope).name, params.id));

/** Saves the draft; 409 StaleRevision when it was saved elsewhere since `revision`. */
export const PUT = route({ params: draftIdParams, body: draftUpdateSchema, write: true }, ({ params, body, scope }) => updateDraft(actorOf(scope).name, params.id, body.revision, body));

/** Discards the draft (kept, marked discarded). */
export const DELETE = route({ params: draftIdParams, write: true }, async ({ params, scope }) => {
  const owner = actorOf(scope).name;
  await getDraft(owner, params.id);
  await setDraftStatus(owner, params.id, "discarded");
  return { ok: true };
});
