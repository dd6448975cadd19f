"use client";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";

/** Without a session only /login renders; any other page goes to /login and comes back after sign-in. */
export function SignedOut({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const onLogin = pathname === "/login";
  useEffect(() => {
    if (!onLogin) router.replace(`/login?next=${encodeURIComponent(`${pathname}${window.location.search}`)}`);
  }, [onLogin, pathname, router]);
  if (onLogin) return <main className="mx-auto max-w-xl px-6 py-12">{children}</main>;
  return <p className="p-8 text-sm text-slate-600">Redirecting to sign-in…</p>;
}
