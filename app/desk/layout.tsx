import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { SignOutButton } from "@/app/_auth/sign-out-button";
import { Toaster } from "@/app/_components/toaster";
import { can } from "@/lib/auth/permissions";
import { countUnread } from "@/lib/inbox/inbox";

import { DeskNav, type NavItem } from "./_components/desk-nav";
import { DeskSearchBox } from "./_components/desk-search-box";
import { InboxNavCount } from "./_components/inbox-nav-count";
import { SecondFactorRequiredBanner } from "./_components/second-factor-required-banner";
// The reader stylesheet is scoped under .story, so the desk preview can share it without side effects.
import "@/public/styles/story.css";
import "./desk.css";
import "./desk-editor.css";
import "./desk-diff.css";
import "./desk-body-editor.css";
import "./desk-review.css";

export const metadata: Metadata = {
  title: { default: "Desk", template: "%s · Desk · Copydesk" },
  robots: { index: false },
};

const roleLabels = { admin: "Admin", editor: "Editor", contributor: "Contributor" } as const;

/**
 * The desk shell. Every page below checks its own permission too: a layout is not re-run on client
 * navigation.
 */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor({
    permission: "desk:read",
    callbackPath: "/desk",
    allowSecondFactorSetup: true,
  });
  // can() holds only account:own for an enrollment-only session, so its nav is the Account page alone.
  const items: NavItem[] = can({ actor, permission: "desk:read" })
    ? [
        { href: "/desk", label: "Stories" },
        { href: "/desk/search", label: "Search" },
        { href: "/desk/schedules", label: "Schedule" },
        { href: "/desk/reviews", label: "Reviews" },
        { href: "/desk/photos", label: "Photos" },
      ]
    : [];
  if (can({ actor, permission: "inbox:own" })) {
    const unread = await countUnread({ actor });
    items.push({
      href: "/desk/inbox",
      label: "Inbox",
      badge: <InboxNavCount userId={actor.userId} initial={unread} />,
    });
  }
  if (can({ actor, permission: "legal:remove" })) items.push({ href: "/desk/removals", label: "Removals" });
  if (can({ actor, permission: "users:manage" })) items.push({ href: "/desk/people", label: "People" });
  if (can({ actor, permission: "audit:read" })) items.push({ href: "/desk/audit", label: "Audit" });
  if (can({ actor, permission: "tokens:own" })) items.push({ href: "/desk/tokens", label: "Tokens" });
  if (can({ actor, permission: "account:own" })) items.push({ href: "/desk/account", label: "Account" });
  return (
    <div className="desk">
      <a className="visually-hidden desk-skip" href="#desk-main">
        Skip to content
      </a>
      <header className="desk-header">
        <Link className="desk-brand" href="/desk">
          Copydesk
        </Link>
        <DeskNav items={items} />
        {can({ actor, permission: "desk:read" }) ? <DeskSearchBox /> : null}
        <div className="desk-user">
          <span>
            <strong>{actor.name}</strong> · {roleLabels[actor.role]}
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="desk-main" className="desk-main">
        {actor.secondFactorSetupRequired ? <SecondFactorRequiredBanner /> : null}
        {children}
      </main>
      <Toaster />
    </div>
  );
}
