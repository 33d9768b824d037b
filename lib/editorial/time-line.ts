import { formatNewsroomTime, type TimeStyle } from "./newsroom-time";

export type TimeLine = {
  /** "Published" until the first material update, then "Updated". */
  label: "Published" | "Updated";
  /** The instant the visible time, JSON-LD dateModified and article:modified_time all come from. */
  instant: Date;
  text: string;
  /** The original publish time, always present (shown on hover and in the change log once updated). */
  published: { instant: Date; text: string };
};

/**
 * The reader's time line. `lastMaterialUpdateAt` is the story's stored "Updated" instant; an update stamped
 * at or before the first publish (the first publish itself is material) is no update, so "Published" stays.
 */
export function timeLine(options: {
  firstPublishedAt: Date;
  lastMaterialUpdateAt: Date | null;
  zone: string;
  style: TimeStyle;
}): TimeLine {
  const { firstPublishedAt, lastMaterialUpdateAt, zone, style } = options;
  const published = {
    instant: firstPublishedAt,
    text: formatNewsroomTime({ instant: firstPublishedAt, zone, style }),
  };
  if (lastMaterialUpdateAt && lastMaterialUpdateAt.getTime() > firstPublishedAt.getTime()) {
    return {
      label: "Updated",
      instant: lastMaterialUpdateAt,
      text: formatNewsroomTime({ instant: lastMaterialUpdateAt, zone, style }),
      published,
    };
  }
  return { label: "Published", instant: firstPublishedAt, text: published.text, published };
}
