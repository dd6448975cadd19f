import type { MeshView } from "@/lib/discovery";
import { listResource } from "./list";

/** `/api/v1/meshes`: Istio meshes across clusters. */
export const meshesApi = listResource<MeshView>("meshes");
export const useMeshes = meshesApi.useList;
export const useMesh = meshesApi.useOne;
