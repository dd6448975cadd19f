import { queryOptions } from "@tanstack/react-query";
import { useQuery } from "./use-query";
import type { ObjectView } from "@/lib/views/objects";
import { fetchJson, type ListEnvelope } from "../fetch-json";

export interface ObjectKey {
  kind: string;
  cluster: string;
  namespace: string;
  name: string;
}

/** One raw object, for YAML views. */
export const objectQuery = (key: ObjectKey) =>
  queryOptions({
    queryKey: ["objects", key.cluster, key.namespace, key.kind, key.name],
    queryFn: async () => {
      const page = await fetchJson<ListEnvelope<ObjectView>>("/api/v1/objects", { ...key, limit: 1 });
      return page.items[0] ?? null;
    },
  });

export function useObject(key: ObjectKey) {
  return useQuery(objectQuery(key));
}
