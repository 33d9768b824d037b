"use client";

import { useEffect, useState } from "react";

import { readOutgoingAction } from "@/app/desk/_actions/outgoing-revisions-action";
import type { OutgoingRevisions } from "@/lib/desk/outgoing-revisions";

export type OutgoingState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; outgoing: OutgoingRevisions };

/**
 * What readers have and the drafts since, read afresh each time a confirmation opens (never the page's old
 * copy).
 */
export function useOutgoing(options: { slug: string | null; open: boolean }): OutgoingState {
  const { slug, open } = options;
  const [state, setState] = useState<OutgoingState>({ status: "loading" });
  useEffect(() => {
    if (!open || !slug) return;
    let current = true;
    // Each opening shows "loading" until its own answer arrives, so an earlier comparison is never shown as
    // this one.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({ status: "loading" });
    readOutgoingAction({ slug })
      .then((answer) => {
        if (!current) return;
        if (answer.status === "success") setState({ status: "ready", outgoing: answer.result });
        else if (answer.status === "error") setState({ status: "error", message: answer.message });
      })
      .catch(
        () =>
          current &&
          setState({
            status: "error",
            message: "Could not reach the server to compare with what readers have. Try again in a moment.",
          }),
      );
    return () => {
      current = false;
    };
  }, [slug, open]);
  return state;
}
