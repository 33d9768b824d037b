"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";

import { createStoryAction } from "@/app/desk/_actions/create-story-action";
import { saveRevisionAction } from "@/app/desk/_actions/save-revision-action";
import type { SavedRevision } from "@/app/desk/_actions/saved-revision";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { substantiveChanges, type MinorCheckContent } from "@/lib/editorial/minor-change-check";
import type { FormState } from "@/lib/errors/form-state";
import type { MergeChoice } from "@/lib/revisions/merge/content-merge-types";
import type { NoteRemoval, PendingChange } from "@/lib/revisions/publication-plan";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import type { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";

import { ChangeFields, needsNote } from "./change-fields";
import { ContentFields } from "./content-fields";
import { CreditListEditor } from "./credit-list-editor";
import {
  contentPayload,
  draftFromContent,
  emptyChange,
  minorCheckContent,
  sameContent,
  slugFromHeadline,
  type ChangeDraft,
  type ContentDraft,
  type EditorDraft,
} from "./editor-draft";
import { EditorStatusBar } from "./editor-status-bar";
import { newIdempotencyKey } from "./idempotency-key";
import { ImageListEditor } from "./image-list-editor";
import { LivePreview, type PreviewContext } from "./live-preview";
import { mergePreview } from "./merge-preview";
import { MergeResolver } from "./merge-resolver";
import { PublishConfirmDialog } from "./publish-confirm-dialog";
import { RestoreDraftBanner } from "./restore-draft-banner";
import { saveConflictOf, type SaveConflict } from "./save-conflict";
import { useBeforeUnload } from "./use-before-unload";
import { useLocalDraft, type StoredDraft } from "./use-local-draft";
import { usePresence } from "./use-presence";

type Props = {
  userId: string;
  /** null for a story not created yet. */
  slug: string | null;
  baseRevision: number;
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

const unreachable: FormState<SavedRevision> = {
  status: "error",
  code: "network",
  message:
    "Could not reach the server. Your changes are still here and kept in this browser; try again in a moment.",
  fieldErrors: {},
  details: null,
};

/**
 * The edit screen: content, credits, the kind of change, live preview, saving, publishing and conflict
 * merging.
 */
export function StoryEditor({
  userId,
  slug,
  baseRevision,
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
  const router = useRouter();
  const isNew = slug === null;
  const [saved, setSaved] = useState(initialContent);
  const [draft, setDraft] = useState<EditorDraft>({
    slug: slug ?? "",
    content: initialContent,
    change: emptyChange,
  });
  const [base, setBase] = useState(baseRevision);
  const [pending, setPending] = useState<null | "draft" | "publish">(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ code: string; message: string } | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [mergeChoices, setMergeChoices] = useState<Record<string, MergeChoice>>({});
  const [hydrated, setHydrated] = useState(false);
  // A new story's slug follows its headline until someone edits the slug itself.
  const [slugTouched, setSlugTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const pendingRef = useRef(false);
  const pulled = status === "unpublished";
  const canPublish = mayPublish && !pulled;
  const idempotency = useRef({ payload: "", key: "" });

  const dirty =
    !sameContent(draft.content, saved) ||
    draft.change.summary.trim() !== "" ||
    draft.change.note.trim() !== "" ||
    (draft.change.internalNote ?? "").trim() !== "" ||
    (isNew && draft.slug.trim() !== "");
  const isSameAsSaved = useCallback(
    (stored: StoredDraft) =>
      sameContent(stored.draft.content, initialContent) &&
      !stored.draft.change.summary.trim() &&
      !stored.draft.change.note.trim() &&
      !(stored.draft.change.internalNote ?? "").trim(),
    [initialContent],
  );
  // Stable, so the credit, photo and change panels (memo) skip re-rendering while someone types the body.
  const setCredits = useCallback(
    (credits: ContentDraft["credits"]) =>
      setDraft((current) => ({ ...current, content: { ...current.content, credits } })),
    [],
  );
  const setImages = useCallback(
    (images: ContentDraft["images"]) =>
      setDraft((current) => ({ ...current, content: { ...current.content, images } })),
    [],
  );
  const setChange = useCallback((change: ChangeDraft) => setDraft((current) => ({ ...current, change })), []);
  const local = useLocalDraft({ userId, storyKey: slug ?? "new", base, draft, dirty, isSameAsSaved });
  const presence = usePresence({ slug, seenRevisionNumber: base });
  useBeforeUnload(dirty);

  const save = useCallback(
    async (options: {
      publish: boolean;
      content?: ContentDraft;
      base?: number;
      removals?: NoteRemoval[];
      pendingSchedules?: PendingSchedulesInput;
    }) => {
      if (pendingRef.current) return;
      const content = options.content ?? draft.content;
      const baseNumber = options.base ?? base;
      const { change } = draft;
      pendingRef.current = true;
      setPending(options.publish ? "publish" : "draft");
      let state: FormState<SavedRevision>;
      try {
        if (isNew) {
          state = await createStoryAction({
            slug: draft.slug.trim(),
            ...contentPayload(content),
            publish: options.publish,
          });
        } else {
          const revision = {
            baseRevision: baseNumber,
            ...contentPayload(content),
            kind: change.kind,
            ...(change.summary.trim() ? { summary: change.summary } : {}),
            ...(needsNote(change.kind) && change.note.trim() ? { note: change.note } : {}),
            ...((change.internalNote ?? "").trim() ? { internalNote: change.internalNote } : {}),
            ...(options.removals?.length ? { removeNotes: options.removals } : {}),
            publish: options.publish,
            ...(options.publish && options.pendingSchedules
              ? { pendingSchedules: options.pendingSchedules }
              : {}),
          };
          // A retry of the very same save reuses its key, so a lost response never makes a second revision.
          const payload = JSON.stringify(revision);
          if (idempotency.current.payload !== payload)
            idempotency.current = { payload, key: newIdempotencyKey() };
          state = await saveRevisionAction({ slug, idempotencyKey: idempotency.current.key, revision });
        }
      } catch {
        state = unreachable;
      } finally {
        pendingRef.current = false;
        setPending(null);
      }
      if (state.status === "success") {
        setConfirming(false);
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
        setConfirming(false);
        setConflict(found);
        setMergeChoices({});
        setFormError(null);
        toast.warning("Someone saved this story while you were editing. Review the merge below.");
        return;
      }
      setConfirming(false);
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
    // Publishing the merged version goes through the same confirmation as any other publish.
    if (publish === true) setConfirming(true);
    else if (publish === false) void save({ publish, content: next, base: conflict.latestRevision });
  };

  const minorWarnings = useMemo(
    () =>
      !isNew && draft.change.kind === "minor" && liveCheck
        ? substantiveChanges({ before: liveCheck, after: minorCheckContent(draft.content) })
        : [],
    [isNew, draft.change.kind, draft.content, liveCheck],
  );

  const previewChange = useMemo(() => (isNew ? null : draft.change), [isNew, draft.change]);
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
        {local.recoverable && !conflict ? (
          <RestoreDraftBanner
            stored={local.recoverable}
            currentBase={baseRevision}
            onRestore={restore}
            onDiscard={local.dismiss}
          />
        ) : null}
        {formError ? (
          <div className="desk-notice desk-notice-bad" role="alert">
            <p>
              <strong>Not saved.</strong> {formError.message}
            </p>
            {formError.code === "unauthenticated" ? (
              // A new tab keeps this form as it is; the edits are also kept in this browser and offered back
              // after signing in.
              <a
                className="desk-button desk-button-small"
                href={`/signin?callbackUrl=${encodeURIComponent(slug ? `/desk/stories/${slug}` : "/desk/stories/new")}`}
                target="_blank"
                rel="noreferrer"
              >
                Sign in again (new tab)
              </a>
            ) : null}
          </div>
        ) : null}
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
              content={draft.content}
              onChange={(content) =>
                setDraft((current) => ({
                  ...current,
                  content,
                  slug: isNew && !slugTouched ? slugFromHeadline(content.headline) : current.slug,
                }))
              }
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
            <CreditListEditor
              credits={draft.content.credits}
              contributorNames={contributorNames}
              fieldErrors={fieldErrors}
              onChange={setCredits}
            />
            <ImageListEditor images={draft.content.images} fieldErrors={fieldErrors} onChange={setImages} />
            {isNew ? null : (
              <ChangeFields change={draft.change} fieldErrors={fieldErrors} onChange={setChange} />
            )}
            <div className="desk-editor-actions">
              {canPublish ? (
                <button
                  type="button"
                  className="desk-button desk-button-primary"
                  disabled={pending !== null}
                  onClick={() => setConfirming(true)}
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
            content={draft.content}
            bodyFieldId="story-body"
            review={
              review === undefined
                ? undefined
                : sameContent(draft.content, saved)
                  ? review
                  : "Not reviewed: your unsaved changes go out with it"
            }
            change={isNew ? { ...emptyChange, kind: "update" } : draft.change}
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
          content={mergedContent ?? draft.content}
          change={previewChange}
          context={preview}
          band={mergedContent ? "Merged version (yours and theirs) — not published" : undefined}
        />
      </aside>
    </div>
  );
}
