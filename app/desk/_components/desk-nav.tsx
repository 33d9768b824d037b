"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `count`: a number to show beside the label (unread inbox items); `countWord` is read out after it. */
export type NavItem = { href: string; label: string; count?: number; countWord?: string };

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
            {item.count ? (
              <span className="desk-nav-count">
                {item.count > 99 ? "99+" : item.count}
                {item.countWord ? <span className="visually-hidden"> {item.countWord}</span> : null}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
