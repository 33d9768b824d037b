import { monitorEventLoopDelay, performance } from "node:perf_hooks";

/*
 * Photo worst cases (issue 19.3, 19.4, 19.8) beside typical uploads, in this process: wall time, peak RSS
 * (sampled every 50 ms), RSS once done, and the event loop's longest stall while the uploads ran, which is
 * how long a health check or a reader on this instance would have waited. Six uploads come from six people,
 * as a busy desk sends them; the instance's photo line decides how many decode at once.
 */

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type Outcome = {
  label: string;
  ms: number;
  peakRss: number;
  rssAfter: number;
  rssBefore: number;
  stallMs: number;
  p99Ms: number;
  results: string;
};

async function measure(label: string, work: () => Promise<string>): Promise<Outcome> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  loop.enable();
  const start = performance.now();
  const results = await work();
  const ms = performance.now() - start;
  loop.disable();
  clearInterval(sampler);
  return {
    label,
    ms,
    peakRss,
    rssBefore,
    rssAfter: process.memoryUsage.rss(),
    stallMs: loop.max / 1e6,
    p99Ms: loop.percentile(99) / 1e6,
    results,
  };
}

function print(outcomes: Outcome[]): void {
  console.log(
    `  ${"case".padEnd(46)} ${"time".padStart(8)} ${"RSS before".padStart(11)} ${"peak".padStart(8)} ${"after".padStart(8)} ${"loop max".padStart(9)} ${"loop p99".padStart(9)}  results`,
  );
  for (const o of outcomes) {
    console.log(
      `  ${o.label.padEnd(46)} ${`${(o.ms / 1000).toFixed(1)} s`.padStart(8)} ${mb(o.rssBefore).padStart(11)} ${mb(o.peakRss).padStart(8)} ${mb(o.rssAfter).padStart(8)} ${`${o.stallMs.toFixed(0)} ms`.padStart(9)} ${`${o.p99Ms.toFixed(0)} ms`.padStart(9)}  ${o.results}`,
    );
  }
}

export default async function run(): Promise<void> {
  const { createTestActor } = await import("@/lib/auth/test-actors");
  const { ingestPhoto } = await import("@/lib/media/ingest-photo");
  const { deeplyNestedXmpPng, flatPng, wireJpeg } = await import("@/lib/media/test-photos");
  const people = await Promise.all(
    Array.from({ length: 6 }, (_, index) =>
      createTestActor({ role: "contributor", name: `Bench Photographer ${index + 1}` }),
    ),
  );
  const tally = (settled: PromiseSettledResult<unknown>[]) => {
    const refused = settled
      .filter((result) => result.status === "rejected")
      .map((result) => String((result as PromiseRejectedResult).reason?.userMessage ?? result));
    return `${settled.length - refused.length} stored${refused.length ? `, ${refused.length} refused (${[...new Set(refused)].join(" / ")})` : ""}`;
  };
  const sixAtOnce = (files: Buffer[]) => async () =>
    tally(
      await Promise.allSettled(files.map((bytes, index) => ingestPhoto({ actor: people[index]!, bytes }))),
    );

  // Every input is made first, and one upload warms the process (imports, database pool, libvips), so the
  // figures below are the uploads' own.
  const wire = await wireJpeg({ width: 1800, height: 1200, seed: 501 });
  const nested = await deeplyNestedXmpPng({ depth: 80_000 });
  const typical = await Promise.all(
    Array.from({ length: 6 }, (_, index) => wireJpeg({ width: 6000, height: 4000, seed: 510 + index })),
  );
  const huge: Buffer[] = [];
  for (let index = 0; index < 6; index += 1)
    huge.push(await flatPng({ width: 10_000, height: 10_000, seed: 520 + index, sixteenBit: true }));
  const phone = await flatPng({ width: 1080, height: 1920, seed: 530 });
  const scroll = await flatPng({ width: 1080, height: 20_000, seed: 531 });
  await ingestPhoto({ actor: people[5]!, bytes: await wireJpeg({ width: 800, height: 600, seed: 500 }) });

  console.log(
    "\nPhoto metadata (issue 19.3): a wire JPEG against a PNG whose XMP nests <rdf:Alt> 80,000 deep",
  );
  print([
    await measure(
      "typical: wire JPEG, 2 MP, IPTC + XMP",
      async () =>
        `caption ${(await ingestPhoto({ actor: people[0]!, bytes: wire })).photo.caption.length} chars`,
    ),
    await measure(`worst: XMP 80,000 deep (${(nested.byteLength / 1024).toFixed(0)} KB)`, async () => {
      const { photo, notes } = await ingestPhoto({ actor: people[0]!, bytes: nested });
      return `caption ${photo.caption.length} chars, ${notes.length} note`;
    }),
  ]);

  console.log(
    "\nPhoto memory (issue 19.4): six uploads at once from six people, typical against 100-megapixel 16-bit PNGs",
  );
  print([
    await measure(`typical: 6 × 24 MP wire JPEG (${mb(typical[0]!.byteLength)} each)`, sixAtOnce(typical)),
    await measure(`worst: 6 × 100 MP 16-bit PNG (${mb(huge[0]!.byteLength)} each)`, sixAtOnce(huge)),
  ]);

  console.log("\nTall photos (issue 19.8): a 1080 × 1920 phone photo against a 1080 × 20,000 scroll");
  print([
    await measure(
      "typical: 1080 × 1920 PNG",
      async () =>
        `${(await ingestPhoto({ actor: people[1]!, bytes: phone })).photo.renditions.length} renditions`,
    ),
    await measure(
      "tall: 1080 × 20,000 PNG",
      async () =>
        `${(await ingestPhoto({ actor: people[1]!, bytes: scroll })).photo.renditions.length} renditions`,
    ),
  ]);
}
