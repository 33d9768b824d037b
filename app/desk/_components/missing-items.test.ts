import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";
import { picturesMissingAlt } from "@/lib/revisions/publication-requirements";

import { missingFields, MissingItems } from "./missing-items";

const photoLine = (alt: string) =>
  formatBodyPhotoLine({
    photoId: "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d",
    alt,
    caption: "The ferry kept running.",
    credit: "",
  });

describe("what the publish and schedule confirmations say is missing", () => {
  // Regression guard: body photos without alt text were only refused by the server, after "Publish now".
  it("names every body photo without alt text by its paragraph, after the story's images", () => {
    const content = {
      images: [{ alt: "" }, { alt: "The levee" }],
      body: ["Lede.", photoLine(""), "More.", photoLine("A ferry"), photoLine(" ")].join("\n\n"),
    };
    const fields = missingFields({
      items: picturesMissingAlt(content),
      imageKeys: ["k1", "k2"],
      bodyFieldId: "story-body",
    });
    expect(fields.map(({ label, message, fieldId }) => ({ label, message, fieldId }))).toEqual([
      {
        label: "Alt text of image 1, under “Images”",
        message: "alt text is required before publishing",
        fieldId: "image-k1-alt",
      },
      {
        label: "Body",
        message: "the photo in paragraph 2 needs alt text before publishing",
        fieldId: "story-body",
      },
      {
        label: "Body",
        message: "the photo in paragraph 5 needs alt text before publishing",
        fieldId: "story-body",
      },
    ]);
    const text = renderToStaticMarkup(createElement(MissingItems, { items: fields, onGoTo: null })).replace(
      /<[^>]+>/g,
      "",
    );
    expect(text).toContain("Body: the photo in paragraph 2 needs alt text before publishing.");
    expect(text).toContain("Body: the photo in paragraph 5 needs alt text before publishing.");
  });

  it("offers no way to the body where the screen has no body field, and nothing when every photo has alt text", () => {
    const [body] = missingFields({
      items: picturesMissingAlt({ images: [], body: photoLine("") }),
      imageKeys: [],
    });
    expect(body).toMatchObject({ label: "Body", fieldId: null });
    expect(
      picturesMissingAlt({ images: [{ alt: "The levee" }], body: `Lede.\n\n${photoLine("A ferry")}` }),
    ).toEqual([]);
  });
});
