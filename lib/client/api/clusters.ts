import type { ClusterView } from "@/lib/views/clusters";
import { listResource } from "./list";

/** `/api/v1/clusters`: every registered cluster with health, problems and counts. */
export const clustersApi = listResource<ClusterView>("clusters");
export const useClusters = () => clustersApi.useList();
