// A Prisma generator that only writes out the datamodel Prisma's own schema parser produced
// (DMMF), so the drift test compares the database with exactly what Prisma reads from schema.prisma.
// Protocol: JSON-RPC requests on stdin, one response per line on stderr.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";

function reply(id, result) {
  process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.method === "getManifest") {
    reply(message.id, { manifest: { prettyName: "Copydesk datamodel dump", requiresGenerators: [] } });
  } else if (message.method === "generate") {
    const outputDir = message.params.generator.output.value;
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "datamodel.json"), JSON.stringify(message.params.dmmf.datamodel));
    reply(message.id, null);
  }
});
