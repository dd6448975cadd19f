import { redirect } from "next/navigation";
import { OverviewPage } from "@/components/overview-page";
import { currentUser } from "@/lib/server/auth/page-session";

/** The start page: platform admins get the overview; a team member lands in their (first) workspace. */
export default async function StartPage() {
  const me = await currentUser();
  const home = me && !me.platformAdmin ? me.workspaces[0] : undefined;
  if (home) redirect(`/workspaces/${encodeURIComponent(home.name)}`);
  return <OverviewPage />;
}
