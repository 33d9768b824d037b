import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import { RelativeTime } from "./relative-time";

/** An instant on the desk: newsroom-zone clock time plus "3 minutes ago", inside a machine-readable <time>. */
export function DeskTime({ iso, zone, relative = true }: { iso: string; zone: string; relative?: boolean }) {
  const absolute = formatNewsroomTime({ instant: new Date(iso), zone, style: "house" });
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
