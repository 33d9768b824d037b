"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { toast } from "sonner";

import type { StoryStatus } from "@/lib/db/generated/enums";
import { substantiveChanges, type MinorCheckContent } from "@/lib/editorial/minor-change-check";
import type { PendingChange } from "@/lib/revisions/publication-plan";
import type { RevisionContent } from "@/lib/revisions/revision-content";

import { ChangeFields } from "./change-fields";
import { ContentFields } from "./content-fields";
import { CreditListEditor } from "./credit-list-editor";
import { useDraftPart, useDraftStore, useSettledDraft } from "./draft-store";
import {
  draftFromContent,
  emptyChange,
  minorCheckContent,
  sameContent,
  type ContentDraft,
  type EditorDraft,
} from "./editor-draft";
import { EditorStatusBar } from "./editor-status-bar";
import { ImageListEditor } from "./image-list-editor";
import { LivePreview, type PreviewContext } from "./live-preview";
import { mergePreview } from "./merge-preview";
import { MergeResolver } from "./merge-resolver";
import { PublishConfirmDialog } from "./publish-confirm-dialog";
import { DiscardedDraftNotice, RestoreDraftBanner } from "./restore-draft-banner";
import { SaveErrorNotice } from "./save-error-notice";
import { useBeforeUnload } from "./use-before-unload";
import { useDraftEdits } from "./use-draft-edits";
import { useLocalDraft, type StoredDraft } from "./use-local-draft";
import { usePresence } from "./use-presence";
import { useStorySave } from "./use-story-save";

type Props = {
  userId: string;
  /** null for a story not created yet. */
  slug: string | null;
  baseRevision: number;
  /** The story's legal removal count when `initialContent` was read (0 for a new story). */
  legalRemovalsSeen?: number;
  initialContent: ContentDraft;
  canPublish: boolean;
  isLive: boolean;
  /** An unpublished story saves drafts only: it goes live again through republish, with a reason. */
  status: StoryStatus | null;
  /** Drafts saved since the live revision: publishing makes them live too. */
  pending: PendingChange[];
  /** What readers see now, for the check of a change marked minor; null while nothing is live. */
  liveCheck: MinorCheckContent | null;
  contributorNames: string[];
  preview: PreviewContext;
  /** How the newest saved text stands with review, for the publish confirmation (lib/reviews). */
  review?: string;
  /** Schedules waiting on the story: a publish says whether their changes go out with it. */
};

/**
 * The edit screen: content, credits, the kind of change, live preview, saving, publishing and conflict
 * merging.
 */
export function StoryEditor({
  userId,
  slug,
  baseRevision,
  legalRemovalsSeen: seenWhenLoaded = 0,
  initialContent,
  canPublish: mayPublish,
  isLive,
  status,
  pending: pendingChanges,
  liveCheck,
  contributorNames,
  preview,
  review,
}: Props) {
  const isNew = slug === null;
  const [saved, setSaved] = useState(initialContent);
  // The draft lives outside React state: a keystroke re-renders only its own field (draft-store.ts).
  const store = useDraftStore(() => ({ slug: slug ?? "", content: initialContent, change: emptyChange }));
  const settled = useSettledDraft(store);
  const credits = useDraftPart(store, (draft) => draft.content.credits);
  const images = useDraftPart(store, (draft) => draft.content.images);
  const change = useDraftPart(store, (draft) => draft.change);
  const [base, setBase] = useState(baseRevision);
  // Kept from the first render: the text on this screen is as old as that, whatever a refresh reads later (the
  // page remounts the editor when the count moves).
  const [legalRemovalsSeen] = useState(seenWhenLoaded);
  const [hydrated, setHydrated] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const pulled = status === "unpublished";
  const canPublish = mayPublish && !pulled;

  const isDirty = useCallback(
    (draft: EditorDraft) =>
      !sameContent(draft.content, saved) ||
      draft.change.summary.trim() !== "" ||
      draft.change.note.trim() !== "" ||
      (draft.change.internalNote ?? "").trim() !== "" ||
      (isNew && draft.slug.trim() !== ""),
    [saved, isNew],
  );
  const dirty = useMemo(() => isDirty(settled), [isDirty, settled]);
  const isSameAsSaved = useCallback(
    (stored: StoredDraft) =>
      sameContent(stored.draft.content, initialContent) &&
      !stored.draft.change.summary.trim() &&
      !stored.draft.change.note.trim() &&
      !(stored.draft.change.internalNote ?? "").trim(),
    [initialContent],
  );
  const edits = useDraftEdits(store, isNew);
  const exact = useCallback(
    () => ({ draft: store.current(), dirty: isDirty(store.current()) }),
    [store, isDirty],
  );
  const local = useLocalDraft({
    userId,
    storyKey: slug ?? "new",
    base,
    legalRemovalsSeen,
    dirty,
    settled,
    exact,
    isSameAsSaved,
  });
  const presence = usePresence({ slug, seenRevisionNumber: base });
  useBeforeUnload(exact);

  const { save, pending, fieldErrors, formError, conflict, setConflict, mergeChoices, setMergeChoices } =
    useStorySave({
      store,
      slug,
      base,
      legalRemovalsSeen,
      onAnswered: () => setConfirming(false),
      onSaved: (content) => {
        setSaved(content);
        store.update((current) => ({ ...current, content, change: emptyChange }));
        store.settleNow();
        local.clearAll();
      },
    });

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

  // The confirmation shows what goes out: the draft as it is now, not as of the last pause.
  const confirmPublish = () => {
    store.settleNow();
    setConfirming(true);
  };

  const restore = () => {
    const stored = local.recoverable;
    if (!stored) return;
    store.update(() => ({ ...stored.draft, slug: isNew ? stored.draft.slug : (slug ?? "") }));
    store.settleNow();
    if (isNew && stored.draft.slug) edits.keepSlug();
    if (!isNew && stored.base > 0) setBase(Math.min(stored.base, baseRevision));
    local.dismiss();
    toast.success("Your unsaved edits are back.");
  };

  const resolved = (content: RevisionContent, publish: boolean | null) => {
    if (!conflict) return;
    const next = draftFromContent(content);
    store.update((current) => ({ ...current, content: next }));
    setBase(conflict.latestRevision);
    setConflict(null);
    // Publishing the merged version goes through the same confirmation as any other publish.
    if (publish === true) confirmPublish();
    else if (publish === false) void save({ publish, content: next, base: conflict.latestRevision });
  };

  const minorWarnings = useMemo(
    () =>
      !isNew && settled.change.kind === "minor" && liveCheck
        ? substantiveChanges({ before: liveCheck, after: minorCheckContent(settled.content) })
        : [],
    [isNew, settled.change.kind, settled.content, liveCheck],
  );

  const previewChange = useMemo(() => (isNew ? null : settled.change), [isNew, settled.change]);
  // While a merge is open the preview shows the merged text: what "Publish merged version" puts out, both
  // editors' changes.
  const mergedContent = useMemo(() => {
    const merged = conflict ? mergePreview({ merge: conflict.merge, choices: mergeChoices }) : null;
    return merged ? draftFromContent(merged) : null;
  }, [conflict, mergeChoices]);
  const publishLabel = isLive ? "Publish update…" : "Publish story…";
  // Saving tells nobody, for a contributor too: asking for review is its own act (the review panel).
  const draftLabel = "Save draft";

  return (
    <div className="desk-editor" data-ready={hydrated ? "true" : undefined}>
      <div className="desk-editor-form">
        <EditorStatusBar
          slug={slug}
          base={base}
          presence={presence}
          dirty={dirty}
          storageFailed={local.storageFailed}
        />
        {local.discardedAt ? (
          <DiscardedDraftNotice savedAt={local.discardedAt} onDismiss={local.forgetDiscarded} />
        ) : null}
        {local.recoverable && !conflict ? (
          <RestoreDraftBanner
            stored={local.recoverable}
            currentBase={baseRevision}
            onRestore={restore}
            onDiscard={local.dismiss}
          />
        ) : null}
        {formError ? <SaveErrorNotice error={formError} slug={slug} /> : null}
        {conflict && slug ? (
          <MergeResolver
            slug={slug}
            conflict={conflict}
            canPublish={canPublish}
            pending={pending !== null}
            choices={mergeChoices}
            onChoose={(id, choice) => setMergeChoices((current) => ({ ...current, [id]: choice }))}
            onResolved={resolved}
            onCancel={() => setConflict(null)}
          />
        ) : (
          <form
            aria-label={isNew ? "New story" : "Edit story"}
            onSubmit={(event) => {
              // Enter in a one-line field must never publish (nor save): publishing is the button and its
              // confirmation.
              event.preventDefault();
            }}
          >
            {pulled && mayPublish ? (
              <div className="desk-notice desk-notice-warn">
                <p>
                  <strong>This story is unpublished.</strong> Saving keeps your changes as drafts; readers see
                  nothing until the story is republished, with a reason.
                </p>
              </div>
            ) : null}
            <ContentFields
              store={store}
              onChange={edits.setContent}
              fieldErrors={fieldErrors}
              onSlugChange={isNew ? edits.setSlug : undefined}
            />
            <CreditListEditor
              credits={credits}
              contributorNames={contributorNames}
              fieldErrors={fieldErrors}
              onChange={edits.setCredits}
            />
            <ImageListEditor images={images} fieldErrors={fieldErrors} onChange={edits.setImages} />
            {isNew ? null : (
              <ChangeFields change={change} fieldErrors={fieldErrors} onChange={edits.setChange} />
            )}
            <div className="desk-editor-actions">
              {canPublish ? (
                <button
                  type="button"
                  className="desk-button desk-button-primary"
                  disabled={pending !== null}
                  onClick={confirmPublish}
                >
                  {pending === "publish" ? "Publishing…" : publishLabel}
                </button>
              ) : null}
              <button
                type="button"
                className={canPublish ? "desk-button" : "desk-button desk-button-primary"}
                disabled={pending !== null}
                onClick={() => void save({ publish: false })}
              >
                {pending === "draft" ? "Saving…" : draftLabel}
              </button>
              <span className="desk-hint">
                <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>S</kbd> saves a draft
                {canPublish ? "; publishing always asks first" : ""}
              </span>
            </div>
          </form>
        )}
        {canPublish ? (
          <PublishConfirmDialog
            open={confirming}
            slug={slug}
            content={settled.content}
            bodyFieldId="story-body"
            review={
              review === undefined
                ? undefined
                : sameContent(settled.content, saved)
                  ? review
                  : "Not reviewed: your unsaved changes go out with it"
            }
            change={isNew ? { ...emptyChange, kind: "update" } : settled.change}
            pending={pendingChanges}
            firstPublication={!isLive}
            nextNumber={base + 1}
            minorWarnings={minorWarnings}
            busy={pending === "publish"}
            onConfirm={(removals, pendingSchedules) =>
              void save({ publish: true, removals, pendingSchedules })
            }
            onCancel={() => setConfirming(false)}
          />
        ) : null}
      </div>
      <aside className="desk-editor-preview">
        <LivePreview
          content={mergedContent ?? settled.content}
          change={previewChange}
          context={preview}
          band={mergedContent ? "Merged version (yours and theirs) — not published" : undefined}
        />
      </aside>
    </div>
  );
}
