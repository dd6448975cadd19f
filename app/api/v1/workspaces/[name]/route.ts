import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { notFound } from "@/lib/server/api/errors";
import { derived } from "@/lib/server/store/derived";
import { workspaceDetail } from "@/lib/views/workspaces";

/** One workspace: clusters and namespaces; owned, exported, imported and private objects; settings; findings. */
export const GET = route({ params: z.object({ name: z.string().min(1) }) }, ({ params, store }) => {
  const { workspaces, attachment } = derived(store);
  const detail = workspaceDetail(workspaces, attachment, params.name);
  if (!detail) throw notFound(`workspace ${params.name}`);
  return detail;
});
