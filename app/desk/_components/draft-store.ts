"use client";

import { useState, useSyncExternalStore } from "react";

import type { EditorDraft } from "./editor-draft";

/**
 * The edit screen's draft outside React state, so a keystroke re-renders only the field it changed. Two
 * readings of it:
 * - `current()`: the exact draft now, updated synchronously with every keystroke. Saving, publishing and the
 *   fields themselves read it, so a save can never send a value older than the last key typed.
 * - `settled()`: the draft as of the last pause in typing. The preview, the unsaved-changes line, the
 *   minor-change check and the copy kept in this browser follow it: rebuilding them on every keystroke of a
 *   long story made typing lag.
 */
export type DraftStore = {
  current(): EditorDraft;
  update(change: (draft: EditorDraft) => EditorDraft): void;
  subscribe(listener: () => void): () => void;
  settled(): EditorDraft;
  subscribeSettled(listener: () => void): () => void;
  /** Brings `settled()` up to date at once (before a publish confirmation shows what goes out). */
  settleNow(): void;
};

/** How long typing must pause before the settled draft follows it. */
export const settlePause = 250;

export function createDraftStore(initial: EditorDraft): DraftStore {
  let current = initial;
  let settled = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const settledListeners = new Set<() => void>();
  const settleNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (settled === current) return;
    settled = current;
    for (const listener of settledListeners) listener();
  };
  return {
    current: () => current,
    update(change) {
      const next = change(current);
      if (next === current) return;
      current = next;
      for (const listener of listeners) listener();
      clearTimeout(timer);
      timer = setTimeout(settleNow, settlePause);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: () => settled,
    subscribeSettled(listener) {
      settledListeners.add(listener);
      return () => settledListeners.delete(listener);
    },
    settleNow,
  };
}

/** The store for one edit screen, made once. */
export function useDraftStore(initial: () => EditorDraft): DraftStore {
  const [store] = useState(() => createDraftStore(initial()));
  return store;
}

/** One part of the exact draft; the component re-renders only when that part changes. */
export function useDraftPart<Part>(store: DraftStore, select: (draft: EditorDraft) => Part): Part {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.current()),
    () => select(store.current()),
  );
}

/** The draft as of the last pause in typing. */
export function useSettledDraft(store: DraftStore): EditorDraft {
  return useSyncExternalStore(store.subscribeSettled, store.settled, store.settled);
}
