"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

/** Sent on `window` by whatever changes the inbox on this page (Mark all read), so the count follows at once. */
export const inboxChangedEvent = "copydesk:inbox-changed";

/** Reading the count again sooner than this after the last time is skipped: focus and navigation come in bursts. */
const minimumGap = 2_000;

/**
 * The unread count beside Inbox. The desk layout renders it once per full load (a layout is not re-run on
 * client navigation), so it reads the count again from /desk/inbox/unread when the path changes, when the tab
 * is shown or focused again, and on `inboxChangedEvent`; a server refresh of the layout brings `initial` anew.
 * An answer for anyone but `userId` (someone signed in elsewhere) or a refusal shows no count.
 */
export function InboxNavCount({ userId, initial }: { userId: string; initial: number }) {
  const pathname = usePathname();
  const [count, setCount] = useState<number | null>(initial);
  const [lastInitial, setLastInitial] = useState(initial);
  if (lastInitial !== initial) {
    setLastInitial(initial);
    setCount(initial);
  }
  const lastRead = useRef(0);
  const asked = useRef(0);

  const read = useCallback(
    async (force: boolean) => {
      if (!force && Date.now() - lastRead.current < minimumGap) return;
      lastRead.current = Date.now();
      const ask = ++asked.current;
      try {
        const response = await fetch("/desk/inbox/unread", { cache: "no-store" });
        if (ask !== asked.current) return; // A later answer is on its way.
        if (!response.ok) {
          if (response.status === 401 || response.status === 403) setCount(null);
          return; // A blip keeps the count shown.
        }
        const answer: unknown = await response.json();
        if (ask !== asked.current) return;
        setCount(isCount(answer) && answer.userId === userId ? answer.unread : null);
      } catch {
        // Offline for a moment: the count shown stays until the next read.
      }
    },
    [userId],
  );

  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return; // The layout just counted.
    firstPath.current = "";
    void read(false);
  }, [pathname, read]);

  useEffect(() => {
    const onShown = () => {
      if (document.visibilityState === "visible") void read(false);
    };
    const onChanged = () => void read(true);
    document.addEventListener("visibilitychange", onShown);
    window.addEventListener("focus", onShown);
    window.addEventListener(inboxChangedEvent, onChanged);
    return () => {
      document.removeEventListener("visibilitychange", onShown);
      window.removeEventListener("focus", onShown);
      window.removeEventListener(inboxChangedEvent, onChanged);
    };
  }, [read]);

  if (!count) return null;
  return (
    <span className="desk-nav-count">
      {count > 99 ? "99+" : count}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}

function isCount(value: unknown): value is { userId: string; unread: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    "userId" in value &&
    "unread" in value &&
    typeof value.userId === "string" &&
    typeof value.unread === "number"
  );
}
