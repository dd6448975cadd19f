"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";
import { QueryState } from "@/components/query-state";
import { oidcLoginUrl, signInDemo, useProviders } from "@/lib/client/api/auth";

function SignIn() {
  const next = useSearchParams().get("next") ?? "/";
  const providers = useProviders();
  const [error, setError] = useState<string | null>(null);
  const demo = async (user: string) => {
    try {
      const res = await signInDemo(user, next);
      // A full load, so the server renders the shell for the new session.
      window.location.assign(res.next);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in to Meshpane</h1>
      <QueryState query={providers}>
        {(p) => (
          <div className="space-y-6">
            {p.oidc && (
              <a href={oidcLoginUrl(next)} className="block rounded bg-indigo-600 px-4 py-2 text-center text-sm font-medium text-white hover:bg-indigo-700">
                Sign in with your identity provider
              </a>
            )}
            {p.demo && (
              <section aria-label="Demo sign-in" className="rounded border-2 border-dashed border-amber-400 bg-amber-50 p-4">
                <h2 className="text-sm font-semibold uppercase tracking-wide text-amber-800">Demo sign-in — not for production</h2>
                <p className="mb-3 text-sm text-amber-900">This server runs the bundled demo. Pick a seeded user; no password is asked.</p>
                <ul className="space-y-2">
                  {p.demoUsers.map((u) => (
                    <li key={u.name}>
                      <button type="button" onClick={() => void demo(u.name)} className="w-full rounded border border-amber-300 bg-white px-3 py-2 text-left hover:bg-amber-100">
                        <span className="block font-medium">Sign in as {u.name}</span>
                        <span className="block text-xs text-slate-600">{u.description}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {!p.oidc && !p.demo && <p className="text-sm text-red-700">No sign-in method is configured: set auth.oidc or auth.demo in meshpane.config.yaml.</p>}
            {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
          </div>
        )}
      </QueryState>
    </>
  );
}

export default function LoginPage() {
  return (
    <Suspense>
      <SignIn />
    </Suspense>
  );
}
