import { defaultSchema, type Schema } from "hast-util-sanitize";

/**
 * The strict allow-list a story body passes through last. Narrower than GitHub's default: only the elements a
 * news story needs, links and images on http(s) (links also mailto) only, no `style`, no event handlers, no
 * iframes/forms/inputs, no ids or classes an author could use to spoof page chrome (footnotes keep theirs,
 * prefixed by the sanitizer's clobber prefix).
 */
const tagNames = [
  "p",
  "br",
  "hr",
  "a",
  "em",
  "strong",
  "del",
  "s",
  "code",
  "pre",
  "blockquote",
  "q",
  "sup",
  "sub",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "section",
];

export const storyBodySchema: Schema = {
  ...defaultSchema,
  tagNames,
  attributes: {
    a: [
      "href",
      "title",
      "id",
      "dataFootnoteBackref",
      "dataFootnoteRef",
      ["className", "data-footnote-backref"],
      "ariaDescribedBy",
      "ariaLabel",
    ],
    img: ["src", "alt", "title"],
    code: [["className", /^language-[\w-]+$/]],
    th: [["align", "left", "right", "center"]],
    td: [["align", "left", "right", "center"]],
    ol: ["start"],
    li: ["id"],
    h2: ["id", ["className", "sr-only"]],
    section: ["dataFootnotes", ["className", "footnotes"]],
    sup: [],
    blockquote: [],
    "*": [],
  },
  protocols: {
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
    cite: ["http", "https"],
  },
  required: {},
  // Authors cannot write ids (no raw HTML); the only ids are remark-rehype's footnote ids, which it already
  // prefixes with "user-content-" — prefixing again would break the footnote links.
  clobberPrefix: "",
  strip: ["script", "style"],
};
