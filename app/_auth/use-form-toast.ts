"use client";

import { useEffect, useRef } from "react";
import { toast } from "sonner";

import type { FormState } from "@/lib/errors/form-state";

/**
 * One toast per settled action: success briefly, errors until dismissed so nobody misses one under deadline.
 */
export function useFormToast<Result>(state: FormState<Result>): void {
  const shown = useRef<FormState<Result> | null>(null);
  useEffect(() => {
    if (state === shown.current || state.status === "idle") return;
    shown.current = state;
    if (state.status === "success") toast.success(state.message);
    else toast.error(state.message, { duration: Infinity });
  }, [state]);
}
