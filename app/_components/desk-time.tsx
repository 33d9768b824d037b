import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import { newsroomSettings } from "@/lib/public/newsroom-settings";

import { RelativeTime } from "./relative-time";

/**
 * An instant on the desk: newsroom-zone clock time plus "3 minutes ago", inside a machine-readable <time>.
 * Zone and style come from the newsroom's settings here, never from the caller, so every time a person reads
 * on the desk follows NEWSROOM_TIME_STYLE exactly as the reader pages do. (Server-only: the settings are.)
 */
export function DeskTime({ iso, relative = true }: { iso: string; relative?: boolean }) {
  const { timeZone, timeStyle } = newsroomSettings();
  const absolute = formatNewsroomTime({ instant: new Date(iso), zone: timeZone, style: timeStyle });
  return (
    <span className="desk-time">
      <time dateTime={iso}>{absolute}</time>
      {relative ? (
        <>
          {" "}
          <span className="desk-muted">
            (<RelativeTime iso={iso} />)
          </span>
        </>
      ) : null}
    </span>
  );
}
