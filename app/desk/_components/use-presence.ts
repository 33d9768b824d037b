"use client";

import { useEffect, useState } from "react";

import type { PresenceSnapshot } from "@/lib/desk/presence";

const heartbeatMs = 10_000;

/** Tells the server every few seconds that this person has the story open, and learns who else does. */
export function usePresence(options: {
  slug: string | null;
  seenRevisionNumber: number;
}): PresenceSnapshot | null {
  const { slug, seenRevisionNumber } = options;
  const [snapshot, setSnapshot] = useState<PresenceSnapshot | null>(null);

  useEffect(() => {
    if (!slug) return;
    let stopped = false;
    let controller: AbortController | null = null;
    async function beat() {
      if (document.visibilityState === "hidden") return;
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`/desk/stories/${encodeURIComponent(slug!)}/presence`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ seenRevisionNumber }),
          signal: controller.signal,
        });
        if (response.ok && !stopped) setSnapshot((await response.json()) as PresenceSnapshot);
      } catch {
        // A missed heartbeat only delays the list; the next one retries.
      }
    }
    void beat();
    const timer = window.setInterval(beat, heartbeatMs);
    const onVisible = () => void beat();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      controller?.abort();
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [slug, seenRevisionNumber]);

  return snapshot;
}
