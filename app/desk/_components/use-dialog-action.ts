"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";

import type { FormState } from "@/lib/errors/form-state";

/**
 * A confirm-dialog server action (restore, unpublish, republish): pending state, the server's sentence
 * inline and as a toast, and on success the dialog closes and the page reloads its server data.
 */
export function useDialogAction(options: { unreachableMessage: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<FormState<unknown>>) => {
    setPending(true);
    setError(null);
    try {
      const state = await action();
      if (state.status === "success") {
        toast.success(state.message);
        dialog.current?.close();
        router.refresh();
      } else if (state.status === "error") {
        setError(state.message);
        toast.error(state.message);
      }
    } catch {
      setError(options.unreachableMessage);
      toast.error(options.unreachableMessage);
    } finally {
      setPending(false);
    }
  };

  return { dialog, pending, error, run };
}
