"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** `badge`: shown beside the label (the inbox's unread count, inbox-nav-count.tsx). */
export type NavItem = { href: string; label: string; badge?: ReactNode };

/** The desk's top navigation; marks the current section for screen readers as well as by look. */
export function DeskNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="desk-nav" aria-label="Desk">
      {items.map((item) => {
        const current =
          item.href === "/desk"
            ? pathname === "/desk" || pathname.startsWith("/desk/stories")
            : pathname.startsWith(item.href);
        return (
          <Link key={item.href} href={item.href} aria-current={current ? "page" : undefined}>
            {item.label}
            {item.badge}
          </Link>
        );
      })}
    </nav>
  );
}
