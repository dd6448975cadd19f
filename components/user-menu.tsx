"use client";
import { usePathname, useRouter } from "next/navigation";
import { signOut } from "@/lib/client/api/auth";
import type { MeView } from "@/lib/views/auth";

/** The signed-in user, their workspace switcher (when they belong to several) and Sign out. */
export function UserMenu({ me }: { me: MeView }) {
  const router = useRouter();
  const pathname = usePathname();
  const current = /^\/workspaces\/([^/]+)/.exec(pathname)?.[1];
  const role = me.platformAdmin ? "platform admin" : me.workspaces.map((w) => `${w.role} of ${w.name}`).join(", ") || "no workspace roles";
  return (
    <div className="mt-8 space-y-2 border-t border-slate-200 px-2 pt-4 text-xs text-slate-600" data-testid="user-menu">
      <p>
        Signed in as <span className="font-medium text-slate-900" data-testid="user-name">{me.name}</span>
        <span className="block">{role}</span>
      </p>
      {me.workspaces.length > 1 && (
        <label className="block">
          <span className="sr-only">Switch workspace</span>
          <select aria-label="Switch workspace" className="w-full rounded border border-slate-300 bg-white px-1 py-1" value={current ? decodeURIComponent(current) : ""} onChange={(e) => router.push(`/workspaces/${encodeURIComponent(e.target.value)}`)}>
            <option value="" disabled>Switch workspace…</option>
            {me.workspaces.map((w) => <option key={w.name} value={w.name}>{w.name}</option>)}
          </select>
        </label>
      )}
      <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" onClick={() => void signOut().finally(() => window.location.assign("/login"))}>
        Sign out
      </button>
    </div>
  );
}
