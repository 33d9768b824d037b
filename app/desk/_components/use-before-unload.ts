"use client";

import { useEffect } from "react";

/**
 * Asks before the tab is closed or reloaded while there are unsaved changes. `exact` tells, when asked,
 * whether the draft as it is that instant is unsaved (the keystroke just typed included).
 */
export function useBeforeUnload(exact: () => { dirty: boolean }): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!exact().dirty) return;
      event.preventDefault();
      // Older browsers only ask when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [exact]);
}
