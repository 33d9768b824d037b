"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { EditorDraft } from "./editor-draft";

/**
 * A copy of unsaved edits kept in this browser, tied to the story, the person and the revision they started
 * from, and the story's legal removal count when they started (absent in copies kept before removals existed,
 * which counts as 0).
 */
export type StoredDraft = { savedAt: string; base: number; legalRemovalsSeen?: number; draft: EditorDraft };

/**
 * Whether a kept copy was made before one of the story's legal removals: it may hold the removed text, so it
 * is never offered back (saving it would be refused anyway).
 */
export function madeBeforeRemoval(stored: StoredDraft, legalRemovalCount: number): boolean {
  return (stored.legalRemovalsSeen ?? 0) < legalRemovalCount;
}

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
  /** The story's legal removal count when this page loaded its text. */
  legalRemovalsSeen: number;
  /** The draft as of the last pause in typing, and whether it is unsaved: a copy is written after each. */
  settled: EditorDraft;
  dirty: boolean;
  /** The draft this instant: what is written (a page being left writes it at once). */
  exact: () => { draft: EditorDraft; dirty: boolean };
  isSameAsSaved: (stored: StoredDraft) => boolean;
}) {
  const { userId, storyKey, base, legalRemovalsSeen, settled, dirty, exact, isSameAsSaved } = options;
  const keyPrefix = storyPrefix(userId, storyKey);
  const [sessionKey] = useState(
    () => `${keyPrefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  );
  const [recoverable, setRecoverable] = useState<(StoredDraft & { key: string }) | null>(null);
  // When copies were thrown away because a legal removal came after them: said once, in a sentence.
  const [discardedAt, setDiscardedAt] = useState<string | null>(null);
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
    const kept = candidates.slice(0, keepPerStory);
    const beforeRemoval = kept.filter((entry) => madeBeforeRemoval(entry.stored, legalRemovalsSeen));
    for (const entry of beforeRemoval) window.localStorage.removeItem(entry.key);
    const offer = kept.find(
      (entry) => !madeBeforeRemoval(entry.stored, legalRemovalsSeen) && !checkSaved.current(entry.stored),
    );
    // Reading localStorage can only happen after mount; the offer appears on the first client render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (beforeRemoval[0]) setDiscardedAt(beforeRemoval[0].stored.savedAt);
    if (offer) setRecoverable({ ...offer.stored, key: offer.key });
  }, [keyPrefix, sessionKey, legalRemovalsSeen]);

  const write = useCallback(() => {
    const { draft, dirty: unsaved } = latest.current.exact();
    if (!unsaved) {
      window.localStorage.removeItem(sessionKey);
      return;
    }
    const value = JSON.stringify({
      savedAt: new Date().toISOString(),
      base: latest.current.base,
      legalRemovalsSeen,
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
  }, [keyPrefix, sessionKey, legalRemovalsSeen]);

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

  const forgetDiscarded = useCallback(() => setDiscardedAt(null), []);

  return useMemo(
    () => ({ recoverable, dismiss, clearAll, storageFailed, discardedAt, forgetDiscarded }),
    [recoverable, dismiss, clearAll, storageFailed, discardedAt, forgetDiscarded],
  );
}
