"use client";

import { memo, useCallback } from "react";

import { BodyEditorWithTools } from "./body-editor/body-editor-with-tools";
import { useDraftPart, type DraftStore } from "./draft-store";
import type { ContentDraft } from "./editor-draft";
import { errorProps, FieldError } from "./field-error";

type Props = {
  store: DraftStore;
  /** Changes some of the content (stable: the fields re-render only when their own value changes). */
  onChange: (patch: Partial<ContentDraft>) => void;
  fieldErrors: Record<string, string>;
  /** A new story's slug field; absent once the story exists. */
  onSlugChange?: (slug: string) => void;
};

/** Headline, dek, byline line, body and the developing flag, each following its own part of the draft. */
export const ContentFields = memo(function ContentFields({
  store,
  onChange,
  fieldErrors,
  onSlugChange,
}: Props) {
  const headline = useDraftPart(store, (draft) => draft.content.headline);
  const dek = useDraftPart(store, (draft) => draft.content.dek);
  const byline = useDraftPart(store, (draft) => draft.content.byline);
  const developing = useDraftPart(store, (draft) => draft.content.developing);
  const slug = useDraftPart(store, (draft) => draft.slug);
  const set = <Key extends keyof ContentDraft>(key: Key, value: ContentDraft[Key]) =>
    onChange({ [key]: value });
  return (
    <div className="desk-panel">
      <div className="desk-field">
        <label htmlFor="story-headline">Headline</label>
        <input
          id="story-headline"
          className="desk-headline-input"
          type="text"
          maxLength={300}
          value={headline}
          onChange={(event) => set("headline", event.target.value)}
          {...errorProps("story-headline-error", fieldErrors.headline)}
        />
        <FieldError id="story-headline-error" message={fieldErrors.headline} />
      </div>
      {onSlugChange ? (
        <div className="desk-field">
          <label htmlFor="story-slug">Slug</label>
          <input
            id="story-slug"
            className="desk-mono"
            type="text"
            maxLength={120}
            autoComplete="off"
            spellCheck={false}
            value={slug}
            onChange={(event) => onSlugChange(event.target.value)}
            aria-describedby={fieldErrors.slug ? "story-slug-error" : "story-slug-hint"}
            aria-invalid={fieldErrors.slug ? true : undefined}
          />
          <p className="desk-hint" id="story-slug-hint">
            The story&apos;s permanent address: /stories/<strong>{slug || "…"}</strong>. Lowercase letters,
            digits and hyphens.
          </p>
          <FieldError id="story-slug-error" message={fieldErrors.slug} />
        </div>
      ) : null}
      <div className="desk-field">
        <label htmlFor="story-dek">Dek</label>
        <textarea
          id="story-dek"
          rows={2}
          maxLength={1000}
          value={dek}
          onChange={(event) => set("dek", event.target.value)}
          {...errorProps("story-dek-error", fieldErrors.dek)}
        />
        <FieldError id="story-dek-error" message={fieldErrors.dek} />
      </div>
      <div className="desk-field">
        <label htmlFor="story-byline">Byline line</label>
        <input
          id="story-byline"
          type="text"
          maxLength={300}
          placeholder="By Jane Doe and John Roe"
          value={byline}
          onChange={(event) => set("byline", event.target.value)}
          {...errorProps("story-byline-error", fieldErrors.byline)}
        />
        <FieldError id="story-byline-error" message={fieldErrors.byline} />
      </div>
      <BodyField store={store} onChange={onChange} problem={fieldErrors.body} />
      <label className="desk-check">
        <input
          type="checkbox"
          checked={developing}
          onChange={(event) => set("developing", event.target.checked)}
        />
        Developing story (readers see “This is a developing story. It may be updated.”)
      </label>
    </div>
  );
});

/** The body, which alone follows every keystroke typed into it. */
const BodyField = memo(function BodyField({
  store,
  onChange,
  problem,
}: {
  store: DraftStore;
  onChange: Props["onChange"];
  problem: string | undefined;
}) {
  const body = useDraftPart(store, (draft) => draft.content.body);
  const setBody = useCallback((value: string) => onChange({ body: value }), [onChange]);
  return (
    <div className="desk-field">
      <label htmlFor="story-body" id="story-body-label">
        Body
      </label>
      <BodyEditorWithTools
        id="story-body"
        labelId="story-body-label"
        value={body}
        onChange={setBody}
        describedBy={problem ? "story-body-error" : "story-body-hint"}
        invalid={Boolean(problem)}
        problem={problem}
        problemId="story-body-error"
      />
      <p className="desk-hint" id="story-body-hint">
        <kbd>Ctrl</kbd>+<kbd>B</kbd> bold, <kbd>Ctrl</kbd>+<kbd>I</kbd> italic, <kbd>Ctrl</kbd>+<kbd>K</kbd>{" "}
        link; at the start of a line <span className="desk-mono">## </span> makes a subhead,{" "}
        <span className="desk-mono">- </span> or <span className="desk-mono">1. </span> a list,{" "}
        <span className="desk-mono">&gt; </span> a quote. <kbd>Alt</kbd>+<kbd>F10</kbd> reaches the toolbar.
        Drop or paste a photo into the text to place it there.
      </p>
    </div>
  );
});
