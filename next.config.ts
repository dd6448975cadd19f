import type { NextConfig } from "next";

const config: NextConfig = {
  // client-node is ESM-only and large; keeping it external speeds builds and keeps it server-side.
  serverExternalPackages: ["@kubernetes/client-node", "@libsql/client", "chokidar"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
