import type { WorkloadView } from "@/lib/discovery";
import { listResource } from "./list";

/** `/api/v1/workloads`: Deployments, StatefulSets and DaemonSets with their mesh. */
export const workloadsApi = listResource<WorkloadView>("workloads");
export const useWorkloads = workloadsApi.useList;
export const useWorkload = workloadsApi.useOne;
