"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/errors/form-state";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import { createStoryAction } from "../_actions/create-story-action";
import { saveRevisionAction } from "../_actions/save-revision-action";
import type { SavedRevision } from "../_actions/saved-revision";
import { ChangeFields, needsNote } from "./change-fields";
import { ContentFields } from "./content-fields";
import { CreditListEditor } from "./credit-list-editor";
import { type ContentDraft, type EditorDraft, contentPayload, draftFromContent, emptyChange, sameContent, slugFromHeadline } from "./editor-draft";
import { EditorStatusBar } from "./editor-status-bar";
import { ImageListEditor } from "./image-list-editor";
import { LivePreview, type PreviewContext } from "./live-preview";
import { MergeResolver } from "./merge-resolver";
import { RestoreDraftBanner } from "./restore-draft-banner";
import { type SaveConflict, saveConflictOf } from "./save-conflict";
import { useBeforeUnload } from "./use-before-unload";
import { type StoredDraft, useLocalDraft } from "./use-local-draft";
import { usePresence } from "./use-presence";

type Props = {
  userId: string;
  /** null for a story not created yet. */
  slug: string | null;
  baseRevision: number;
  initialContent: ContentDraft;
  canPublish: boolean;
  isLive: boolean;
  contributorNames: string[];
  preview: PreviewContext;
};

const unreachable: FormState<SavedRevision> = {
  status: "error",
  code: "network",
  message: "Could not reach the server. Your changes are still here and kept in this browser; try again in a moment.",
  fieldErrors: {},
  details: null,
};

/** crypto.randomUUID exists only in secure contexts; a desk served over plain http on an intranet still gets a key. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** The edit screen: content, credits, the kind of change, live preview, saving, publishing and conflict merging. */
export function StoryEditor({ userId, slug, baseRevision, initialContent, canPublish, isLive, contributorNames, preview }: Props) {
  const router = useRouter();
  const isNew = slug === null;
  const [saved, setSaved] = useState(initialContent);
  const [draft, setDraft] = useState<EditorDraft>({ slug: slug ?? "", content: initialContent, change: emptyChange });
  const [base, setBase] = useState(baseRevision);
  const [pending, setPending] = useState<null | "draft" | "publish">(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ code: string; message: string } | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [hydrated, setHydrated] = useState(false);
  // A new story's slug follows its headline until someone edits the slug itself.
  const [slugTouched, setSlugTouched] = useState(false);
  const pendingRef = useRef(false);
  const idempotency = useRef({ payload: "", key: "" });

  const dirty = !sameContent(draft.content, saved) || draft.change.summary.trim() !== "" || draft.change.note.trim() !== "" || (isNew && draft.slug.trim() !== "");
  const isSameAsSaved = useCallback(
    (stored: StoredDraft) => sameContent(stored.draft.content, initialContent) && !stored.draft.change.summary.trim() && !stored.draft.change.note.trim(),
    [initialContent],
  );
  const local = useLocalDraft({ userId, storyKey: slug ?? "new", base, draft, dirty, isSameAsSaved });
  const presence = usePresence({ slug, seenRevisionNumber: base });
  useBeforeUnload(dirty);

  const save = useCallback(
    async (options: { publish: boolean; content?: ContentDraft; base?: number }) => {
      if (pendingRef.current) return;
      const content = options.content ?? draft.content;
      const baseNumber = options.base ?? base;
      const { change } = draft;
      pendingRef.current = true;
      setPending(options.publish ? "publish" : "draft");
      let state: FormState<SavedRevision>;
      try {
        if (isNew) {
          state = await createStoryAction({ slug: draft.slug.trim(), ...contentPayload(content), publish: options.publish });
        } else {
          const revision = {
            baseRevision: baseNumber,
            ...contentPayload(content),
            kind: change.kind,
            ...(change.summary.trim() ? { summary: change.summary } : {}),
            ...(needsNote(change.kind) && change.note.trim() ? { note: change.note } : {}),
            publish: options.publish,
          };
          // A retry of the very same save reuses its key, so a lost response never makes a second revision.
          const payload = JSON.stringify(revision);
          if (idempotency.current.payload !== payload) idempotency.current = { payload, key: newIdempotencyKey() };
          state = await saveRevisionAction({ slug, idempotencyKey: idempotency.current.key, revision });
        }
      } catch {
        state = unreachable;
      } finally {
        pendingRef.current = false;
        setPending(null);
      }
      if (state.status === "success") {
        setFieldErrors({});
        setFormError(null);
        setSaved(content);
        setDraft((current) => ({ ...current, content, change: emptyChange }));
        local.clearAll();
        toast.success(state.message);
        if (isNew) router.push(`/desk/stories/${encodeURIComponent(state.result.slug)}`);
        else router.refresh();
        return;
      }
      if (state.status !== "error") return;
      const found = saveConflictOf(state);
      if (found) {
        setConflict(found);
        setFormError(null);
        toast.warning("Someone saved this story while you were editing. Review the merge below.");
        return;
      }
      setFieldErrors(state.fieldErrors);
      setFormError({ code: state.code, message: state.message });
      toast.error(state.message);
    },
    [draft, base, isNew, slug, local, router],
  );

  // Marks the form as live, so nobody (and no test) types into inputs React has not taken over yet.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (!conflict) void save({ publish: false });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, conflict]);

  const restore = () => {
    const stored = local.recoverable;
    if (!stored) return;
    setDraft({ ...stored.draft, slug: isNew ? stored.draft.slug : (slug ?? "") });
    if (isNew && stored.draft.slug) setSlugTouched(true);
    if (!isNew && stored.base > 0) setBase(Math.min(stored.base, baseRevision));
    local.dismiss();
    toast.success("Your unsaved edits are back.");
  };

  const resolved = (content: RevisionContent, publish: boolean | null) => {
    if (!conflict) return;
    const next = draftFromContent(content);
    setDraft((current) => ({ ...current, content: next }));
    setBase(conflict.latestRevision);
    setConflict(null);
    if (publish !== null) void save({ publish, content: next, base: conflict.latestRevision });
  };

  const previewChange = useMemo(() => (isNew ? null : draft.change), [isNew, draft.change]);
  const primaryLabel = canPublish ? (isLive ? "Publish update" : "Publish story") : "Submit for review";

  return (
    <div className="desk-editor" data-ready={hydrated ? "true" : undefined}>
      <div className="desk-editor-form">
        <EditorStatusBar slug={slug} base={base} presence={presence} dirty={dirty} storageFailed={local.storageFailed} />
        {local.recoverable && !conflict ? <RestoreDraftBanner stored={local.recoverable} currentBase={baseRevision} onRestore={restore} onDiscard={local.dismiss} /> : null}
        {formError ? (
          <div className="desk-notice desk-notice-bad" role="alert">
            <p>
              <strong>Not saved.</strong> {formError.message}
            </p>
            {formError.code === "unauthenticated" ? (
              // A new tab keeps this form as it is; the edits are also kept in this browser and offered back after signing in.
              <a className="desk-button desk-button-small" href={`/signin?callbackUrl=${encodeURIComponent(slug ? `/desk/stories/${slug}` : "/desk/stories/new")}`} target="_blank" rel="noreferrer">
                Sign in again (new tab)
              </a>
            ) : null}
          </div>
        ) : null}
        {conflict && slug ? (
          <MergeResolver slug={slug} conflict={conflict} canPublish={canPublish} pending={pending !== null} onResolved={resolved} onCancel={() => setConflict(null)} />
        ) : (
          <form
            aria-label={isNew ? "New story" : "Edit story"}
            onSubmit={(event) => {
              event.preventDefault();
              void save({ publish: canPublish });
            }}
          >
            <ContentFields
              content={draft.content}
              onChange={(content) => setDraft((current) => ({ ...current, content, slug: isNew && !slugTouched ? slugFromHeadline(content.headline) : current.slug }))}
              fieldErrors={fieldErrors}
              slugField={
                isNew
                  ? {
                      value: draft.slug,
                      onChange: (value) => {
                        setSlugTouched(true);
                        setDraft((current) => ({ ...current, slug: value }));
                      },
                    }
                  : undefined
              }
            />
            <CreditListEditor credits={draft.content.credits} contributorNames={contributorNames} fieldErrors={fieldErrors} onChange={(credits) => setDraft((current) => ({ ...current, content: { ...current.content, credits } }))} />
            <ImageListEditor images={draft.content.images} fieldErrors={fieldErrors} onChange={(images) => setDraft((current) => ({ ...current, content: { ...current.content, images } }))} />
            {isNew ? null : <ChangeFields change={draft.change} fieldErrors={fieldErrors} onChange={(change) => setDraft((current) => ({ ...current, change }))} />}
            <div className="desk-editor-actions">
              <button type="submit" className="desk-button desk-button-primary" disabled={pending !== null}>
                {pending === (canPublish ? "publish" : "draft") ? (canPublish ? "Publishing…" : "Submitting…") : primaryLabel}
              </button>
              {canPublish ? (
                <button type="button" className="desk-button" disabled={pending !== null} onClick={() => void save({ publish: false })}>
                  {pending === "draft" ? "Saving…" : "Save draft"}
                </button>
              ) : null}
              <span className="desk-hint">
                <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>S</kbd> saves a draft
              </span>
            </div>
          </form>
        )}
      </div>
      <aside className="desk-editor-preview">
        <LivePreview content={draft.content} change={previewChange} context={preview} />
      </aside>
    </div>
  );
}
