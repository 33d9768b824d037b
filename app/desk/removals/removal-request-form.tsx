"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";

import {
  readRemovalSourceAction,
  requestLegalRemovalAction,
} from "@/app/desk/_actions/legal-removal-actions";
import { errorProps, FieldError } from "@/app/desk/_components/field-error";
import { photoThumbnailPath } from "@/app/desk/_components/photo-paths";
import type { RemovalChoices, RemovalSource } from "@/lib/desk/removal-choices";
import { removalFields, type RemovalField } from "@/lib/legal-removals/legal-removal-input";
import { passageProblem } from "@/lib/legal-removals/removal-marker";

import { fieldLabels, placementLabels } from "./removal-words";

type Passage = { field: RemovalField; text: string };

const roleLabels: Record<string, string> = {
  byline: "byline",
  contributed_reporting: "contributed reporting",
  additional_reporting: "additional reporting",
  photo: "photo",
  editing: "editing",
};

/**
 * The request: passages chosen in the stored text of any revision, photos the story uses, people it credits;
 * the internal reason, the notice readers get and where. Submitting removes nothing: another admin approves.
 */
export function RemovalRequestForm(props: { slug: string; choices: Omit<RemovalChoices, "story"> }) {
  const { slug, choices } = props;
  const router = useRouter();
  const [source, setSource] = useState<RemovalSource>(choices.source);
  const [field, setField] = useState<RemovalField>("body");
  const [draft, setDraft] = useState("");
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const [passages, setPassages] = useState<Passage[]>([]);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [contributorIds, setContributorIds] = useState<string[]>([]);
  const [internalReason, setInternalReason] = useState("");
  const [publicNotice, setPublicNotice] = useState("");
  const [placement, setPlacement] = useState<"in_place" | "foot">("foot");
  const [removeFromDirectory, setRemoveFromDirectory] = useState(false);
  const [loadingRevision, setLoadingRevision] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const stored = useRef<HTMLTextAreaElement>(null);

  const storedText = source.fields[field];

  const chooseRevision = async (revision: number) => {
    setLoadingRevision(true);
    try {
      const state = await readRemovalSourceAction({ slug, revision });
      if (state.status === "success") setSource(state.result);
      else if (state.status === "error") toast.error(state.message);
    } catch {
      toast.error("Could not reach the server to read that revision; try again.");
    } finally {
      setLoadingRevision(false);
    }
  };

  // Whatever is selected in the stored text becomes the passage, exactly as stored (Markdown included).
  const takeSelection = () => {
    const area = stored.current;
    if (!area || area.selectionStart === area.selectionEnd) return;
    setDraft(area.value.slice(area.selectionStart, area.selectionEnd));
    setDraftProblem(null);
  };

  const addPassage = () => {
    const problem =
      passageProblem(draft) ??
      (storedText.includes(draft)
        ? null
        : `is not in the ${fieldLabels[field].toLowerCase()} of revision ${source.revision} as stored (it must match exactly, capitals and Markdown included)`);
    if (problem) {
      setDraftProblem(`This passage ${problem}.`);
      return;
    }
    if (!passages.some((passage) => passage.field === field && passage.text === draft))
      setPassages([...passages, { field, text: draft }]);
    setDraft("");
    setDraftProblem(null);
  };

  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list.filter((other) => other !== id), id] : list.filter((other) => other !== id);

  const items = [
    ...passages.map((passage) => ({ kind: "passage" as const, ...passage })),
    ...photoIds.map((photoId) => ({ kind: "photo" as const, photoId })),
    ...contributorIds.map((contributorId) => ({ kind: "contributor" as const, contributorId })),
  ];

  const submit = async () => {
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const state = await requestLegalRemovalAction({
        slug,
        request: {
          items,
          internalReason,
          publicNotice,
          noticePlacement: placement,
          removeFromDirectory: removeFromDirectory && contributorIds.length > 0,
        },
      });
      if (state.status === "success") {
        toast.success(state.message);
        router.push(`/desk/removals/${state.result.number}`);
      } else if (state.status === "error") {
        setError(state.message);
        setFieldErrors(state.fieldErrors);
        toast.error(state.message);
      }
    } catch {
      const message = "Could not reach the server. Nothing was asked for; try again.";
      setError(message);
      toast.error(message);
    } finally {
      setPending(false);
    }
  };

  const itemErrors = Object.entries(fieldErrors).filter(
    ([path]) => path === "items" || path.startsWith("items."),
  );
  const itemLabel = (index: number) => {
    const item = items[index];
    if (!item) return "The selection";
    if (item.kind === "passage") return `The passage “${shorten(item.text)}”`;
    if (item.kind === "photo") return "A photo";
    return choices.contributors.find((person) => person.id === item.contributorId)?.name ?? "A contributor";
  };

  return (
    <form
      className="desk-removal-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <section className="desk-panel" aria-labelledby="removal-passages">
        <h2 id="removal-passages">Passages</h2>
        <p className="desk-hint desk-removal-lead">
          Choose the revision and field, then select the passage in the stored text (or type it exactly). It
          is matched as stored, Markdown included, capitals counting, and removed from every stored text of
          the story, not only this field: every revision, notes, comments and schedules.
        </p>
        <div className="desk-row">
          <div className="desk-field">
            <label htmlFor="removal-revision">Revision</label>
            <select
              id="removal-revision"
              value={source.revision}
              disabled={loadingRevision}
              onChange={(event) => void chooseRevision(Number(event.target.value))}
            >
              {choices.revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  Revision {revision.number} · {revision.author}
                  {revision.published ? " · published" : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="desk-field">
            <label htmlFor="removal-field">Field</label>
            <select
              id="removal-field"
              value={field}
              onChange={(event) =>
                setField(removalFields.find((name) => name === event.target.value) ?? "body")
              }
            >
              {removalFields.map((name) => (
                <option key={name} value={name}>
                  {fieldLabels[name]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="desk-field">
          <label htmlFor="removal-stored">
            Stored text: {fieldLabels[field].toLowerCase()}, revision {source.revision}
          </label>
          <textarea
            id="removal-stored"
            ref={stored}
            className="desk-removal-stored"
            readOnly
            rows={storedRows(storedText)}
            value={storedText}
            onSelect={takeSelection}
            onMouseUp={takeSelection}
            onKeyUp={takeSelection}
            aria-describedby="removal-stored-hint"
          />
          <p className="desk-hint" id="removal-stored-hint">
            {storedText === ""
              ? "This field is empty in this revision."
              : "Select text here to use it as the passage."}
          </p>
        </div>
        <div className="desk-field">
          <label htmlFor="removal-passage">Passage to remove</label>
          <textarea
            id="removal-passage"
            rows={2}
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setDraftProblem(null);
            }}
            {...errorProps("removal-passage-error", draftProblem ?? undefined)}
          />
          <FieldError id="removal-passage-error" message={draftProblem ?? undefined} />
        </div>
        <div className="desk-button-row">
          <button type="button" className="desk-button" onClick={addPassage} disabled={draft.length === 0}>
            Add passage
          </button>
        </div>
        {passages.length > 0 ? (
          <ul className="desk-removal-chosen" aria-label="Passages chosen">
            {passages.map((passage, index) => (
              <li key={`${passage.field}:${passage.text}`}>
                <span>
                  <span className="desk-muted desk-small">{fieldLabels[passage.field]}</span>
                  <span className="desk-removal-passage">{passage.text}</span>
                </span>
                <button
                  type="button"
                  className="desk-button desk-button-small"
                  onClick={() => setPassages(passages.filter((_, other) => other !== index))}
                >
                  Remove from request<span className="visually-hidden">: {shorten(passage.text)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="desk-panel" aria-labelledby="removal-photos">
        <h2 id="removal-photos">Photos used in this story</h2>
        {choices.photos.length === 0 ? (
          <p className="desk-muted">No revision of this story uses a library photo.</p>
        ) : (
          <fieldset className="desk-removal-options">
            <legend className="visually-hidden">
              Photos to remove, with their caption, credit and files
            </legend>
            {choices.photos.map((photo) => (
              <label key={photo.id} className="desk-removal-option">
                <input
                  type="checkbox"
                  checked={photoIds.includes(photo.id)}
                  onChange={(event) => setPhotoIds(toggle(photoIds, photo.id, event.target.checked))}
                />
                {/* eslint-disable-next-line @next/next/no-img-element -- a rendition on this origin, already sized */}
                <img src={photoThumbnailPath(photo.id)} alt="" width={72} height={48} />
                <span>
                  {photo.caption || <span className="desk-muted">No caption</span>}
                  <span className="desk-muted desk-small">
                    {photo.credit ? ` · ${photo.credit}` : ""} · {revisionsWord(photo.revisions)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </section>

      <section className="desk-panel" aria-labelledby="removal-people">
        <h2 id="removal-people">Contributors credited in this story</h2>
        {choices.contributors.length === 0 ? (
          <p className="desk-muted">No revision of this story credits anyone.</p>
        ) : (
          <fieldset className="desk-removal-options">
            <legend className="visually-hidden">
              Contributors to remove: their credits, and their name wherever the story mentions it
            </legend>
            {choices.contributors.map((person) => (
              <label key={person.id} className="desk-removal-option">
                <input
                  type="checkbox"
                  checked={contributorIds.includes(person.id)}
                  onChange={(event) =>
                    setContributorIds(toggle(contributorIds, person.id, event.target.checked))
                  }
                />
                <span>
                  {person.name}
                  <span className="desk-muted desk-small">
                    {" "}
                    · {person.roles.map((role) => roleLabels[role] ?? role).join(", ")} ·{" "}
                    {revisionsWord(person.revisions)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <p className="desk-hint desk-removal-lead">
          A contributor’s credits are deleted from every revision, and their name is removed as a passage from
          all the story’s text.
        </p>
        <label className="desk-check">
          <input
            type="checkbox"
            checked={removeFromDirectory}
            disabled={contributorIds.length === 0}
            onChange={(event) => setRemoveFromDirectory(event.target.checked)}
            aria-describedby="removal-directory-hint"
          />
          Also rename them in the contributor directory
        </label>
        <p className="desk-hint" id="removal-directory-hint">
          Other stories then show the removal marker for them too, and readers’ caches of those stories are
          cleared.
        </p>
      </section>

      <section className="desk-panel" aria-labelledby="removal-reasons">
        <h2 id="removal-reasons">Reason and notice</h2>
        {itemErrors.length > 0 ? (
          <ul className="desk-error" aria-label="What cannot be removed">
            {itemErrors.map(([path, message]) => (
              <li key={path}>
                {itemLabel(Number(path.split(".")[1] ?? -1))}: {message}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="desk-field">
          <label htmlFor="removal-internal-reason">Internal reason (never shown to readers)</label>
          <textarea
            id="removal-internal-reason"
            rows={3}
            maxLength={5000}
            value={internalReason}
            onChange={(event) => setInternalReason(event.target.value)}
            {...errorProps("removal-internal-reason-error", fieldErrors.internalReason)}
          />
          <FieldError id="removal-internal-reason-error" message={fieldErrors.internalReason} />
        </div>
        <div className="desk-field">
          <label htmlFor="removal-public-notice">Public notice</label>
          <textarea
            id="removal-public-notice"
            rows={2}
            maxLength={1000}
            placeholder="This story was edited on legal advice on December 1, 2026."
            value={publicNotice}
            onChange={(event) => setPublicNotice(event.target.value)}
            {...errorProps("removal-public-notice-error", fieldErrors.publicNotice)}
          />
          <FieldError id="removal-public-notice-error" message={fieldErrors.publicNotice} />
        </div>
        <fieldset className="desk-removal-placement">
          <legend className="desk-label">Where readers see the notice</legend>
          {(["foot", "in_place"] as const).map((value) => (
            <label key={value} className="desk-check">
              <input
                type="radio"
                name="removal-placement"
                value={value}
                checked={placement === value}
                onChange={() => setPlacement(value)}
              />
              {placementLabels[value]}
            </label>
          ))}
        </fieldset>
      </section>

      {error ? (
        <p className="desk-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="desk-button-row">
        <button type="submit" className="desk-button desk-button-primary" disabled={pending}>
          {pending ? "Asking…" : "Ask for approval"}
        </button>
        <span className="desk-muted desk-small">
          {items.length === 0 ? "Nothing chosen yet." : `${items.length} chosen.`} Nothing is removed until
          another admin approves.
        </span>
      </div>
    </form>
  );
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function revisionsWord(revisions: number[]): string {
  return revisions.length === 1 ? `in revision ${revisions[0]}` : `in ${revisions.length} revisions`;
}

/** Tall enough for the stored text, up to a screenful; long bodies scroll inside. */
function storedRows(text: string): number {
  return Math.min(14, Math.max(2, Math.ceil(text.length / 90) + text.split("\n").length));
}
