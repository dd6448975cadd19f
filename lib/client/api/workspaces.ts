import { queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { WorkspaceDetailView, WorkspaceListItem } from "@/lib/views/workspaces";
import { fetchJson } from "../fetch-json";
import { listResource } from "./list";

/** `/api/v1/workspaces`: every workspace with counts, imports, exports and findings. */
export const workspacesApi = listResource<WorkspaceListItem>("workspaces");
export const useWorkspaces = workspacesApi.useList;

/** `/api/v1/workspaces/{name}`: one workspace in full. */
export const workspaceQuery = (name: string) =>
  queryOptions({ queryKey: ["workspace", name], queryFn: () => fetchJson<WorkspaceDetailView>(`/api/v1/workspaces/${encodeURIComponent(name)}`) });

export function useWorkspace(name: string) {
  return useQuery(workspaceQuery(name));
}
