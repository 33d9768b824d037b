import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";

import { markRemovalsInTree } from "./removal-marks";

export type ReaderDocumentOptions = {
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical?: string;
  /** Extra head elements: Open Graph and Twitter meta, feed links. */
  head?: Element[];
  /** Structured data, serialised into an application/ld+json data block (never executed). */
  jsonLd?: unknown;
  /** data-* attributes on <body>, for /reader.js. */
  bodyData?: Record<string, string>;
  newsroomName: string;
  main: ElementContent[];
  mainClassName?: string;
  /** Only story pages need the open-page notice script. */
  withReaderScript?: boolean;
};

/**
 * JSON for a <script type="application/ld+json"> block. `<` is escaped so no "</script>" or "<!--" in a
 * headline can end the block; U+2028/2029 so the text stays valid in every JavaScript parser.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * A complete public HTML page as a string: no inline script or style, so the strict public CSP
 * (script-src 'self', style-src 'self') holds without nonces and the page can be cached whole.
 */
export function buildReaderDocument(options: ReaderDocumentOptions): string {
  const head: ElementContent[] = [
    h("meta", { charSet: "utf-8" }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("title", options.title),
  ];
  if (options.description) head.push(h("meta", { name: "description", content: options.description }));
  if (options.canonical) head.push(h("link", { rel: "canonical", href: options.canonical }));
  head.push(h("link", { rel: "stylesheet", href: "/styles/story.css" }));
  head.push(
    h("link", {
      rel: "alternate",
      type: "application/atom+xml",
      title: `${options.newsroomName}: latest stories`,
      href: "/feed.xml",
    }),
  );
  head.push(...(options.head ?? []));
  if (options.jsonLd !== undefined) {
    // A data block: hast-util-to-html writes script text as is, which is why it was escaped above.
    head.push(h("script", { type: "application/ld+json" }, serializeJsonLd(options.jsonLd)));
  }
  if (options.withReaderScript) head.push(h("script", { src: "/reader.js", defer: true }));

  const bodyProperties: Record<string, string> = { className: "reader" };
  for (const [key, value] of Object.entries(options.bodyData ?? {})) {
    bodyProperties[`data-${key}`] = value;
  }
  const tree: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      h("html", { lang: "en" }, [
        h("head", head),
        h("body", bodyProperties, [
          h("a.reader-skip", { href: "#main" }, "Skip to content"),
          h("header.reader-masthead", [h("a", { href: "/" }, options.newsroomName)]),
          // Announced politely by screen readers when /reader.js puts the "updated" notice in it; in the flow
          // at the top of the page, so the notice pushes nothing out of sight and covers nothing.
          h("div#reader-live", { role: "status", ariaLive: "polite" }),
          h("main", { id: "main", className: options.mainClassName ?? "reader-main" }, options.main),
          h("footer.reader-footer", [
            h("p", [
              h("a", { href: "/" }, "All stories"),
              " · ",
              h("a", { href: "/corrections" }, "Corrections"),
              " · ",
              h("a", { href: "/feed.xml" }, "Atom feed"),
            ]),
          ]),
        ]),
      ]),
    ],
  };
  // Removal markers anywhere on the page: an element in running text, "[removed]" in the title, meta tags,
  // attributes and the JSON-LD block (removal-marks.ts).
  return toHtml(markRemovalsInTree(tree));
}
