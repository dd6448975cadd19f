import type { DestinationListItem } from "@/lib/views/destinations";
import { listResource } from "./list";

/** `/api/v1/destinations`: Services in a mesh, with ports, subsets and endpoints. */
export const destinationsApi = listResource<DestinationListItem>("destinations");
export const useDestinations = destinationsApi.useList;
export const useDestination = destinationsApi.useOne;
