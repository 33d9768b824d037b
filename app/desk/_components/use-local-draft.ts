"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { EditorDraft } from "./editor-draft";

/**
 * A copy of unsaved edits kept in this browser, tied to the story, the person and the revision they started
 * from.
 */
export type StoredDraft = { savedAt: string; base: number; draft: EditorDraft };

const prefix = "copydesk:draft:v1";
const keepPerStory = 5;

function storyPrefix(userId: string, storyKey: string): string {
  return `${prefix}:${userId}:${storyKey}:`;
}

function storedKeys(storyPrefixValue: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < window.localStorage.length; index += 1) {
    const key = window.localStorage.key(index);
    if (key?.startsWith(storyPrefixValue)) keys.push(key);
  }
  return keys;
}

function readStored(key: string): StoredDraft | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? "null") as StoredDraft | null;
    return value &&
      typeof value.savedAt === "string" &&
      typeof value.base === "number" &&
      value.draft?.content
      ? value
      : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the edit screen's draft in localStorage while it differs from what is saved, so a reload, a crash or
 * an expired session loses nothing. Each page load writes under its own key: typing in a fresh tab never
 * overwrites the copy a crashed tab left behind, which is offered back as `recoverable` until restored or
 * discarded.
 */
export function useLocalDraft(options: {
  userId: string;
  storyKey: string;
  base: number;
  /** The draft as of the last pause in typing, and whether it is unsaved: a copy is written after each. */
  settled: EditorDraft;
  dirty: boolean;
  /** The draft this instant: what is written (a page being left writes it at once). */
  exact: () => { draft: EditorDraft; dirty: boolean };
  isSameAsSaved: (stored: StoredDraft) => boolean;
}) {
  const { userId, storyKey, base, settled, dirty, exact, isSameAsSaved } = options;
  const keyPrefix = storyPrefix(userId, storyKey);
  const [sessionKey] = useState(
    () => `${keyPrefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  );
  const [recoverable, setRecoverable] = useState<(StoredDraft & { key: string }) | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const latest = useRef({ exact, base });
  const checkSaved = useRef(isSameAsSaved);
  useEffect(() => {
    latest.current = { exact, base };
    checkSaved.current = isSameAsSaved;
  });

  useEffect(() => {
    const candidates = storedKeys(keyPrefix)
      .filter((key) => key !== sessionKey)
      .map((key) => ({ key, stored: readStored(key) }))
      .filter((entry): entry is { key: string; stored: StoredDraft } => entry.stored !== null)
      .sort((a, b) => b.stored.savedAt.localeCompare(a.stored.savedAt));
    for (const stale of candidates.slice(keepPerStory)) window.localStorage.removeItem(stale.key);
    const offer = candidates.find((entry) => !checkSaved.current(entry.stored));
    // Reading localStorage can only happen after mount; the offer appears on the first client render.
    if (offer) setRecoverable({ ...offer.stored, key: offer.key });
  }, [keyPrefix, sessionKey]);

  const write = useCallback(() => {
    const { draft, dirty: unsaved } = latest.current.exact();
    if (!unsaved) {
      window.localStorage.removeItem(sessionKey);
      return;
    }
    const value = JSON.stringify({
      savedAt: new Date().toISOString(),
      base: latest.current.base,
      draft,
    } satisfies StoredDraft);
    try {
      window.localStorage.setItem(sessionKey, value);
      setStorageFailed(false);
    } catch {
      // Full storage: older copies of this story go first, then one more try.
      for (const key of storedKeys(keyPrefix)) if (key !== sessionKey) window.localStorage.removeItem(key);
      try {
        window.localStorage.setItem(sessionKey, value);
        setStorageFailed(false);
      } catch {
        setStorageFailed(true);
      }
    }
  }, [keyPrefix, sessionKey]);

  // The settled draft already waited for a pause in typing; the copy follows it off the keystroke's frame.
  useEffect(() => {
    const timer = window.setTimeout(write, 50);
    return () => window.clearTimeout(timer);
  }, [settled, base, dirty, write]);

  useEffect(() => {
    window.addEventListener("pagehide", write);
    return () => window.removeEventListener("pagehide", write);
  }, [write]);

  const dismiss = useCallback(() => {
    if (recoverable) window.localStorage.removeItem(recoverable.key);
    setRecoverable(null);
  }, [recoverable]);

  /** After a successful save every kept copy of this story is out of date. */
  const clearAll = useCallback(() => {
    for (const key of storedKeys(keyPrefix)) window.localStorage.removeItem(key);
    setRecoverable(null);
  }, [keyPrefix]);

  return useMemo(
    () => ({ recoverable, dismiss, clearAll, storageFailed }),
    [recoverable, dismiss, clearAll, storageFailed],
  );
}
