"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

import { markAllReadAction } from "@/app/desk/_actions/review-thread-actions";

/** Marks every notice in one's inbox read. */
export function MarkAllReadButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="desk-button desk-button-small"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const state = await markAllReadAction({});
        setBusy(false);
        if (state.status === "success") {
          toast.success(state.message);
          router.refresh();
        } else if (state.status === "error") toast.error(state.message);
      }}
    >
      Mark all read
    </button>
  );
}
