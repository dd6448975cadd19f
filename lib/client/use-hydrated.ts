import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False while React hydrates the server's HTML, true from the next render on (and for every later mount). */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
