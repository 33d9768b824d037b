import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Copydesk", template: "%s · Copydesk" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so it carries the CSP nonce proxy.ts makes; a prerendered page would have
  // none.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
