import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { workspaceDetail } from "@/lib/views/workspaces";

/** One workspace: clusters and namespaces; owned, exported, imported and private objects; settings; findings. */
export const GET = route({ params: z.object({ name: z.string().min(1) }) }, ({ params, scope, store }) => {
  const { workspaces, attachment } = derived(store);
  if (!readFilter(scope, workspaces).workspace(params.name)) throw notFound(`workspace ${params.name}`);
  const detail = workspaceDetail(workspaces, attachment, params.name);
  if (!detail) throw notFound(`workspace ${params.name}`);
  return detail;
});
