/** Response types of the sign-in endpoints, shared by server and browser. */

/** How one signs in (GET /api/v1/auth/providers). */
export interface AuthProvidersView {
  oidc: boolean;
  demo: boolean;
  demoUsers: { name: string; description: string }[];
}

/** The signed-in user (GET /api/v1/auth/me). */
export interface MeView {
  name: string;
  email: string | null;
  groups: string[];
  platformAdmin: boolean;
  /** Workspaces the user holds a role in, by name. */
  workspaces: { name: string; role: "workspace-admin" | "editor" | "viewer"; canApply: boolean }[];
}
