import { route } from "@/lib/server/api/handler";
import { DEMO_USERS } from "@/lib/server/auth/demo";
import { authOf } from "@/lib/server/config";
import type { AuthProvidersView } from "@/lib/views/auth";

/** How one signs in here (public: the sign-in page asks before anyone has a session). */
export const GET = route({ auth: "public" }, ({ store }): AuthProvidersView => {
  const auth = authOf(store.config);
  return {
    oidc: auth.oidc !== null,
    demo: auth.demo,
    demoUsers: auth.demo ? Object.entries(DEMO_USERS).map(([name, u]) => ({ name, description: u.description })) : [],
  };
});
