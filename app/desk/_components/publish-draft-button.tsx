"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { publishRevisionAction } from "../_actions/publish-revision-action";

/** Makes a submitted draft live, from the history. */
export function PublishDraftButton({ slug, number }: { slug: string; number: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const publish = async () => {
    setPending(true);
    try {
      const state = await publishRevisionAction({ slug, number });
      if (state.status === "success") {
        toast.success(state.message);
        router.refresh();
      } else if (state.status === "error") {
        toast.error(state.message);
      }
    } catch {
      toast.error("Could not reach the server. Nothing was published; try again.");
    } finally {
      setPending(false);
    }
  };
  return (
    <button type="button" className="desk-button desk-button-small desk-button-primary" disabled={pending} onClick={() => void publish()}>
      {pending ? "Publishing…" : `Publish revision ${number}`}
    </button>
  );
}
