/**
 * The rule for a change marked minor (it moves no "Updated"): it must not touch what readers rely on. The
 * desk warns and asks for confirmation when, between the two versions,
 *  - the headline differs at all;
 *  - any number differs (every run of digits, with its separators, is compared as a multiset);
 *  - any quotation differs (text inside "…", “…” or «…»);
 *  - any name differs: capitalised words not starting a sentence, the byline, or the credited names.
 * Fixing a lowercase typo, punctuation or spacing passes; "Smtih" → "Smith" or "54" → "45" does not.
 */
export type MinorCheckContent = {
  headline: string;
  dek: string;
  byline: string;
  body: string;
  captions: string[];
  creditNames: string[];
};

export type SubstantiveChange = "headline" | "numbers" | "quotes" | "names";

const numberPattern = /\d(?:[\d,.]*\d)?/g;
const quotePattern = /"[^"\n]+"|“[^”\n]+”|«[^»\n]+»/g;
// A capitalised word that does not open a sentence (or the text): a name, most of the time.
const namePattern = /(?<![.!?:]\s+|^\s*|\n\s*)\p{Lu}[\p{L}'’-]*/gu;

function bag(values: string[]): string {
  return JSON.stringify([...values].sort());
}

function prose(content: MinorCheckContent): string[] {
  return [content.dek, content.body, ...content.captions];
}

function matches(texts: string[], pattern: RegExp): string[] {
  return texts.flatMap((text) => text.match(pattern) ?? []);
}

export function substantiveChanges(options: {
  before: MinorCheckContent;
  after: MinorCheckContent;
}): SubstantiveChange[] {
  const { before, after } = options;
  const found: SubstantiveChange[] = [];
  if (before.headline.trim() !== after.headline.trim()) found.push("headline");
  if (bag(matches(prose(before), numberPattern)) !== bag(matches(prose(after), numberPattern)))
    found.push("numbers");
  if (bag(matches(prose(before), quotePattern)) !== bag(matches(prose(after), quotePattern)))
    found.push("quotes");
  const names = (content: MinorCheckContent) => [
    ...matches(prose(content), namePattern),
    content.byline.trim(),
    ...content.creditNames,
  ];
  if (bag(names(before)) !== bag(names(after))) found.push("names");
  return found;
}

/** The fields the rule compares, from a stored revision's content. */
export function minorCheckOf(content: {
  headline: string;
  dek: string;
  byline: string;
  body: string;
  images: { caption: string }[];
  credits: { name: string }[];
}): MinorCheckContent {
  const { headline, dek, byline, body } = content;
  return {
    headline,
    dek,
    byline,
    body,
    captions: content.images.map((image) => image.caption),
    creditNames: content.credits.map((credit) => credit.name),
  };
}
