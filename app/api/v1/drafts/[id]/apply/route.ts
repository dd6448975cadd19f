import { z } from "zod";
import { refOf } from "@/lib/snapshot/ref";
import { parseItemYaml } from "@/lib/changes";
import { route } from "@/lib/server/api/handler";
import { actorOf, authorizeWrite } from "@/lib/server/changes/actor";
import { applyDraft } from "@/lib/server/changes/apply";
import { getDraft } from "@/lib/server/drafts/repo";
import { draftIdParams } from "@/lib/server/drafts/schema";
import { derived } from "@/lib/server/store/derived";

const body = z.strictObject({
  contentHash: z.string({ message: "must be the draft's contentHash" }).length(64, "must be the draft's contentHash"),
  force: z.boolean({ message: "must be true or false" }).default(false),
});

/** Applies a draft whose exact content had a clean preview. */
export const POST = route({ params: draftIdParams, body, write: true }, async ({ params, body, scope, store }) => {
  const actor = actorOf(scope);
  const draft = await getDraft(actor.name, params.id);
  const refs = draft.items.flatMap((i) => { const p = parseItemYaml(i.cluster, i.yaml); return p.object ? [refOf(i.cluster, p.object)] : i.base ? [i.base.ref] : []; });
  authorizeWrite(scope, derived(store).workspaces, refs, body.force);
  return applyDraft(store, draft, body.contentHash, body.force, actor);
});
