import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { Providers } from "@/components/providers";
import { SignedOut } from "@/components/signed-out";
import { currentUser } from "@/lib/server/auth/page-session";
import "./globals.css";

export const metadata: Metadata = {
  title: "Meshpane",
  description: "A single pane of glass over a multi-cluster Istio mesh",
};

/** Signed in: the app shell. Signed out: only the sign-in page renders; every other page sends you there. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const me = await currentUser();
  return (
    <html lang="en">
      <body>
        <Providers>{me ? <AppShell me={me}>{children}</AppShell> : <SignedOut>{children}</SignedOut>}</Providers>
      </body>
    </html>
  );
}
