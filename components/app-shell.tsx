"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useLiveUpdates } from "@/lib/client/live-updates";
import type { MeView } from "@/lib/views/auth";
import { ClusterBanners } from "./cluster-banners";
import { UserMenu } from "./user-menu";

/** Navigation links only to pages that exist; `admin` ones are platform views a team member has no use for. */
const NAV = [
  { href: "/", label: "Overview", admin: true },
  { href: "/meshes", label: "Meshes", admin: true },
  { href: "/workloads", label: "Workloads" },
  { href: "/destinations", label: "Destinations" },
  { href: "/gateways", label: "Gateways", admin: true },
  { href: "/workspaces", label: "Workspaces" },
  { href: "/graph", label: "Graph" },
  { href: "/policies", label: "Policies" },
  { href: "/translation", label: "Translation" },
  { href: "/validations", label: "Validations" },
  { href: "/drafts", label: "Drafts" },
  { href: "/audit", label: "Audit" },
] as const satisfies readonly { href: string; label: string; admin?: boolean }[];

/** The frame of every page: navigation, live-update state, and banners for clusters in trouble. */
export function AppShell({ me, children }: { me: MeView; children: ReactNode }) {
  const pathname = usePathname();
  const live = useLiveUpdates();
  return (
    <div className="flex min-h-full">
      <nav aria-label="Main" className="w-52 shrink-0 border-r border-slate-200 bg-white px-3 py-4">
        <Link href="/" className="mb-6 block px-2 text-lg font-semibold tracking-tight text-indigo-700">
          Meshpane
        </Link>
        <ul className="space-y-1">
          {!me.platformAdmin &&
            me.workspaces.map((w) => (
              <li key={w.name}>
                <Link href={`/workspaces/${encodeURIComponent(w.name)}`} className={`block rounded px-2 py-1.5 text-sm ${pathname === `/workspaces/${encodeURIComponent(w.name)}` ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}>
                  Team: {w.name}
                </Link>
              </li>
            ))}
          {NAV.filter((item) => me.platformAdmin || !("admin" in item)).map((item) => {
            const onTeamHome = !me.platformAdmin && me.workspaces.some((w) => pathname === `/workspaces/${encodeURIComponent(w.name)}`);
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href) && !onTeamHome;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={`block rounded px-2 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="mt-8 px-2 text-xs text-slate-500" data-testid="live-state">
          <span className={`mr-1 inline-block h-2 w-2 rounded-full ${live.state === "live" ? "bg-emerald-500" : "bg-amber-400"}`} aria-hidden />
          {live.state === "live" ? "Live" : live.state === "connecting" ? "Connecting…" : "Reconnecting…"}
        </p>
        <UserMenu me={me} />
      </nav>
      <main className="min-w-0 flex-1 px-8 py-6">
        <ClusterBanners />
        {children}
      </main>
    </div>
  );
}
