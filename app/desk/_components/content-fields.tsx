"use client";

import { bodyPasteProps } from "@/lib/body-markdown/paste-editor-props";

import { BodyEditor } from "./body-editor/body-editor";
import type { ContentDraft } from "./editor-draft";
import { errorProps, FieldError } from "./field-error";

type Props = {
  content: ContentDraft;
  onChange: (content: ContentDraft) => void;
  fieldErrors: Record<string, string>;
  slugField?: { value: string; onChange: (slug: string) => void };
};

/** Headline, dek, byline line, body and the developing flag. */
export function ContentFields({ content, onChange, fieldErrors, slugField }: Props) {
  const set = <Key extends keyof ContentDraft>(key: Key, value: ContentDraft[Key]) =>
    onChange({ ...content, [key]: value });
  return (
    <div className="desk-panel">
      <div className="desk-field">
        <label htmlFor="story-headline">Headline</label>
        <input
          id="story-headline"
          className="desk-headline-input"
          type="text"
          maxLength={300}
          value={content.headline}
          onChange={(event) => set("headline", event.target.value)}
          {...errorProps("story-headline-error", fieldErrors.headline)}
        />
        <FieldError id="story-headline-error" message={fieldErrors.headline} />
      </div>
      {slugField ? (
        <div className="desk-field">
          <label htmlFor="story-slug">Slug</label>
          <input
            id="story-slug"
            className="desk-mono"
            type="text"
            maxLength={120}
            autoComplete="off"
            spellCheck={false}
            value={slugField.value}
            onChange={(event) => slugField.onChange(event.target.value)}
            aria-describedby={fieldErrors.slug ? "story-slug-error" : "story-slug-hint"}
            aria-invalid={fieldErrors.slug ? true : undefined}
          />
          <p className="desk-hint" id="story-slug-hint">
            The story&apos;s permanent address: /stories/<strong>{slugField.value || "…"}</strong>. Lowercase
            letters, digits and hyphens.
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
          value={content.dek}
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
          value={content.byline}
          onChange={(event) => set("byline", event.target.value)}
          {...errorProps("story-byline-error", fieldErrors.byline)}
        />
        <FieldError id="story-byline-error" message={fieldErrors.byline} />
      </div>
      <div className="desk-field">
        <label htmlFor="story-body" id="story-body-label">
          Body
        </label>
        <BodyEditor
          id="story-body"
          labelId="story-body-label"
          value={content.body}
          onChange={(body) => set("body", body)}
          describedBy={fieldErrors.body ? "story-body-error" : "story-body-hint"}
          invalid={Boolean(fieldErrors.body)}
          editorProps={bodyPasteProps}
        />
        <p className="desk-hint" id="story-body-hint">
          Markdown: a blank line between paragraphs, <span className="desk-mono">**bold**</span>,{" "}
          <span className="desk-mono">*italic*</span>, <span className="desk-mono">[link](https://…)</span>,{" "}
          <span className="desk-mono">## Subhead</span>.
        </p>
        <FieldError id="story-body-error" message={fieldErrors.body} />
      </div>
      <label className="desk-check">
        <input
          type="checkbox"
          checked={content.developing}
          onChange={(event) => set("developing", event.target.checked)}
        />
        Developing story (readers see “This is a developing story. It may be updated.”)
      </label>
    </div>
  );
}
