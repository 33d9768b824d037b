import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, "../../..");

export type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean | null;

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
};
export type DmmfEnum = {
  name: string;
  dbName: string | null;
  values: { name: string; dbName: string | null }[];
};
export type DmmfDatamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

/**
 * Parses a Prisma schema with Prisma's own parser by running `prisma generate` on a copy whose only
 * generator dumps the DMMF datamodel. Offline: generate never runs the schema engine it asks for.
 */
export async function readPrismaDatamodel(options: { schemaPath?: string } = {}): Promise<DmmfDatamodel> {
  const schemaPath = options.schemaPath ?? path.join(projectDir, "prisma/schema.prisma");
  const workDir = await mkdtemp(path.join(os.tmpdir(), "copydesk-dmmf-"));
  try {
    const generator = path.join(import.meta.dirname, "dmmf-generator.mjs");
    const schema = (await readFile(schemaPath, "utf8")).replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
    const dumpBlock = `\ngenerator datamodel_dump {\n  provider = ${JSON.stringify(`node "${generator}"`)}\n  output   = ${JSON.stringify(path.join(workDir, "out"))}\n}\n`;
    await writeFile(path.join(workDir, "schema.prisma"), schema + dumpBlock);
    await run(
      process.execPath,
      [
        path.join(projectDir, "node_modules/prisma/build/index.js"),
        "generate",
        "--schema",
        path.join(workDir, "schema.prisma"),
      ],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
          NODE_OPTIONS: "",
        },
      },
    );
    const datamodel = JSON.parse(
      await readFile(path.join(workDir, "out", "datamodel.json"), "utf8"),
    ) as DmmfDatamodel;
    return withUnsupportedFields({ datamodel, schema });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Prisma's DMMF leaves out Unsupported("…") fields (e.g. a tsvector column), though Migrate would create them:
 * read them from the schema text, with their @map, as fields of kind "unsupported" whose type is the SQL type.
 */
function withUnsupportedFields(options: { datamodel: DmmfDatamodel; schema: string }): DmmfDatamodel {
  const { datamodel, schema } = options;
  for (const block of schema.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const model = datamodel.models.find((candidate) => candidate.name === block[1]);
    if (!model) continue;
    for (const line of block[2]!.split("\n")) {
      const field = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/.exec(line);
      if (!field) continue;
      model.fields.push({
        name: field[1]!,
        dbName: /@map\("([^"]+)"\)/.exec(field[4]!)?.[1] ?? null,
        kind: "unsupported",
        type: field[2]!,
        isList: false,
        isRequired: field[3] !== "?",
        hasDefaultValue: false,
      });
    }
  }
  return datamodel;
}
