import { ParagraphOrPhoto } from "@/app/desk/_components/diff/body-photo-view";
import { OffsetText } from "@/app/desk/_components/diff/offset-text";
import type { ReviewField } from "@/lib/db/generated/enums";
import { paragraphPhoto } from "@/lib/revisions/diff/body-photo-paragraphs";
import { splitParagraphs } from "@/lib/revisions/diff/paragraphs";

const fieldNames = { headline: "Headline", dek: "Dek", byline: "Byline line" } as const;

/**
 * One revision's words as the compare view shows unchanged text (Markdown as typed, a photo as its card), each
 * run carrying its offset in the field, so reviewers can select words of any revision, the first one too, and
 * comment on them (ReviewTextLayout). `bodyStarts`: where each paragraph starts (ReviewView.body.to).
 */
export function RevisionTextView(props: {
  content: { headline: string; dek: string; byline: string; body: string };
  bodyStarts: number[] | null;
}) {
  const { content, bodyStarts } = props;
  const paragraphs = splitParagraphs(content.body);
  return (
    <>
      {(["headline", "dek", "byline"] as const).map((field) => (
        <section key={field} className="desk-panel desk-diff-section" aria-label={fieldNames[field]}>
          <h2>{fieldNames[field]}</h2>
          <FieldText
            field={field}
            text={content[field]}
            className={field === "headline" ? "desk-diff-headline" : undefined}
          />
        </section>
      ))}
      <section className="desk-panel desk-diff-section desk-review-revision-body" aria-label="Body">
        <h2>Body</h2>
        {paragraphs.length === 0 ? <p className="desk-muted">(empty)</p> : null}
        {paragraphs.map((text, index) =>
          paragraphPhoto(text) ? (
            <ParagraphOrPhoto key={index} text={text} />
          ) : (
            <p key={index}>
              <OffsetText text={text} at={{ field: "body", to: bodyStarts?.[index] }} />
            </p>
          ),
        )}
      </section>
    </>
  );
}

function FieldText(props: { field: ReviewField; text: string; className?: string }) {
  if (!props.text) return <p className="desk-muted">(empty)</p>;
  return (
    <p className={props.className}>
      <OffsetText text={props.text} at={{ field: props.field, to: 0 }} />
    </p>
  );
}
