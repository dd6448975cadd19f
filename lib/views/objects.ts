import type { KubeObject } from "../model/meta";

/** One raw object as `GET /api/v1/objects` answers it: where it lives, and the object as read. */
export interface ObjectView {
  cluster: string;
  namespace: string;
  name: string;
  kind: string;
  group: string;
  object: KubeObject;
}
