"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";

import type { MergeChoice } from "@/lib/revisions/merge/content-merge-types";

import type { DraftStore } from "./draft-store";
import type { ContentDraft } from "./editor-draft";
import { saveConflictOf, type SaveConflict } from "./save-conflict";
import { sendStorySave, type SaveOptions } from "./story-save-request";

/** Why a save did not go through; `reason` tells a refusal after a legal removal from other conflicts. */
export type SaveError = { code: string; message: string; reason?: string };

function reasonOf(details: unknown): string | undefined {
  if (typeof details !== "object" || details === null || !("reason" in details)) return undefined;
  return typeof details.reason === "string" ? details.reason : undefined;
}

/**
 * Saving and publishing from the edit screen, and what the answer leaves on it: field errors, the form's error,
 * or a conflict to merge. A save reads the draft as it is that instant (never a render's copy of it): a save
 * key pressed straight after a keystroke sends that keystroke.
 */
export function useStorySave(options: {
  store: DraftStore;
  slug: string | null;
  base: number;
  /** The story's legal removal count when the editor's text was read: every save says it. */
  legalRemovalsSeen: number;
  /** The save went through with this content. */
  onSaved: (content: ContentDraft) => void;
  /** The server answered, whatever it said (the publish confirmation closes). */
  onAnswered: () => void;
}) {
  const { store, slug, base, legalRemovalsSeen } = options;
  const router = useRouter();
  const [pending, setPending] = useState<null | "draft" | "publish">(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<SaveError | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [mergeChoices, setMergeChoices] = useState<Record<string, MergeChoice>>({});
  const pendingRef = useRef(false);
  const idempotency = useRef({ payload: "", key: "" });
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  const save = useCallback(
    async (request: SaveOptions) => {
      if (pendingRef.current) return;
      const draft = store.current();
      const content = request.content ?? draft.content;
      pendingRef.current = true;
      setPending(request.publish ? "publish" : "draft");
      const state = await sendStorySave({
        slug,
        draft,
        content,
        base: request.base ?? base,
        legalRemovalsSeen,
        options: request,
        idempotency: idempotency.current,
      });
      pendingRef.current = false;
      setPending(null);
      if (state.status !== "success" && state.status !== "error") return;
      callbacks.current.onAnswered();
      if (state.status === "success") {
        setFieldErrors({});
        setFormError(null);
        callbacks.current.onSaved(content);
        toast.success(state.message);
        if (slug === null) router.push(`/desk/stories/${encodeURIComponent(state.result.slug)}`);
        else router.refresh();
        return;
      }
      const found = saveConflictOf(state);
      if (found) {
        setConflict(found);
        setMergeChoices({});
        setFormError(null);
        toast.warning("Someone saved this story while you were editing. Review the merge below.");
        return;
      }
      setFieldErrors(state.fieldErrors);
      setFormError({ code: state.code, message: state.message, reason: reasonOf(state.details) });
      toast.error(state.message);
    },
    [store, base, slug, legalRemovalsSeen, router],
  );

  return { save, pending, fieldErrors, formError, conflict, setConflict, mergeChoices, setMergeChoices };
}
