import { h } from "hastscript";

import { buildReaderDocument } from "./reader-document";

/** The public 404 page, in the same look as every other public page. */
export function renderNotFoundPage(options: { newsroomName: string }): string {
  return buildReaderDocument({
    title: `Page not found · ${options.newsroomName}`,
    newsroomName: options.newsroomName,
    main: [
      h("p.reader-kicker", "Error 404"),
      h("h1.reader-title", "We can’t find that story"),
      h(
        "p.reader-lede",
        "There is no published story at this address. It may have been taken down, or the link may be mistyped.",
      ),
      h("p", [h("a", { href: "/" }, "See the latest stories")]),
    ],
  });
}
