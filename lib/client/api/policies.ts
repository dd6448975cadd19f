import type { PolicyListItem } from "@/lib/views/policies";
import { listResource } from "./list";

/** `/api/v1/policies`: every policy with what it selects and where it is in effect. */
export const policiesApi = listResource<PolicyListItem>("policies");
export const usePolicies = policiesApi.useList;
