import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The newsroom's settings are read once per process; each case loads DeskTime fresh under its own setting.
async function deskTimeText(style: "ap" | "house", iso: string): Promise<string> {
  vi.resetModules();
  vi.stubEnv("NEWSROOM_TIME_STYLE", style);
  vi.stubEnv("NEWSROOM_TIME_ZONE", "America/New_York");
  const { DeskTime } = await import("./desk-time");
  const html = renderToStaticMarkup(createElement(DeskTime, { iso, relative: false }));
  vi.unstubAllEnvs();
  return html.replace(/<[^>]+>/g, "");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [file] : [];
  });
}

describe("DeskTime", () => {
  // Regression: the desk list, People and tokens pages printed house style while NEWSROOM_TIME_STYLE=ap.
  it("prints NEWSROOM_TIME_STYLE=ap on the desk as the reader pages do", async () => {
    expect(await deskTimeText("ap", "2026-12-01T20:02:00.000Z")).toBe("Dec. 1, 2026, 3:02 p.m. ET");
  });

  it("prints house style when that is the setting", async () => {
    expect(await deskTimeText("house", "2026-12-01T20:02:00.000Z")).toBe("December 1, 2026 at 3:02 PM ET");
  });

  // One formatter for every time a person reads: a desk page formatting a time by itself would drift again.
  it("is the only place under app/ that turns an instant into clock text", () => {
    const offenders = sourceFiles(path.resolve(import.meta.dirname, ".."))
      .filter((file) => !file.endsWith(path.join("_components", "desk-time.tsx")))
      .filter((file) =>
        /formatNewsroom(Time|Date)\(|toLocale(Date|Time)?String\(|new Intl\.DateTimeFormat\(/.test(
          readFileSync(file, "utf8"),
        ),
      );
    expect(offenders.map((file) => path.relative(process.cwd(), file))).toEqual([]);
  });
});
