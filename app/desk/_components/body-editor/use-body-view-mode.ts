"use client";

import { useCallback, useSyncExternalStore } from "react";

export type BodyViewMode = "formatted" | "markdown";

const storageKey = "copydesk.body-view";
const listeners = new Set<() => void>();
// The choice when storage refuses it (private mode, quota): it lasts until the page closes.
let unsaved: BodyViewMode | null = null;

function read(): BodyViewMode {
  if (unsaved) return unsaved;
  try {
    return window.localStorage.getItem(storageKey) === "markdown" ? "markdown" : "formatted";
  } catch {
    return "formatted";
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** Formatted or Markdown view of the body, remembered per browser (localStorage). */
export function useBodyViewMode(): [BodyViewMode, (mode: BodyViewMode) => void] {
  const mode = useSyncExternalStore(subscribe, read, () => "formatted" as const);
  const setMode = useCallback((next: BodyViewMode) => {
    try {
      window.localStorage.setItem(storageKey, next);
      unsaved = null;
    } catch {
      unsaved = next;
    }
    for (const listener of listeners) listener();
  }, []);
  return [mode, setMode];
}
