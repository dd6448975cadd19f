import "server-only";
import type { GrantInput, Identity } from "./session";

/** A seeded user of the demo sign-in page. */
export interface DemoUser {
  identity: Identity;
  grants: GrantInput[];
  /** What the sign-in page says about the user. */
  description: string;
}

/**
 * The demo's seeded users: a platform admin, an editor of the Bookinfo frontends team (which imports the
 * backends' reviews and ratings), and a viewer of the same workspace who can read and preview but not apply.
 */
export const DEMO_USERS: Readonly<Record<string, DemoUser>> = {
  admin: {
    identity: { subject: "demo:admin", name: "admin", email: "admin@demo.meshpane.local", groups: ["platform-admins"] },
    grants: [{ role: "platform-admin", workspace: null }],
    description: "Platform admin: sees and changes everything.",
  },
  "bookinfo-dev": {
    identity: { subject: "demo:bookinfo-dev", name: "bookinfo-dev", email: "bookinfo-dev@demo.meshpane.local", groups: ["bookinfo-team"] },
    grants: [{ role: "editor", workspace: "bookinfo-frontends" }],
    description: "Editor of the bookinfo-frontends workspace: sees it and what it imports.",
  },
  reviewer: {
    identity: { subject: "demo:reviewer", name: "reviewer", email: "reviewer@demo.meshpane.local", groups: ["bookinfo-reviewers"] },
    grants: [{ role: "viewer", workspace: "bookinfo-frontends" }],
    description: "Viewer of bookinfo-frontends: can read and preview, cannot apply.",
  },
};
