import type { ColumnShape, DatabaseShape, ReferentialAction } from "./database-shape";
import type { DmmfDatamodel, DmmfField, DmmfModel } from "./read-prisma-datamodel";

// Prisma's default PostgreSQL column types, and the ones its @db.* native types map to.
const scalarTypes: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function nativeType(native: [string, string[]]): string {
  const [name, args] = native;
  const withArgs = (sql: string) => (args.length > 0 ? `${sql}(${args.join(",")})` : sql);
  switch (name) {
    case "Timestamptz":
      return `timestamp(${args[0] ?? "6"}) with time zone`;
    case "Timestamp":
      return `timestamp(${args[0] ?? "6"}) without time zone`;
    case "VarChar":
      return withArgs("character varying");
    case "Char":
      return withArgs("character");
    case "Decimal":
      return withArgs("numeric");
    case "SmallInt":
      return "smallint";
    case "Integer":
      return "integer";
    case "DoublePrecision":
      return "double precision";
    case "JsonB":
      return "jsonb";
    default:
      return withArgs(name.toLowerCase());
  }
}

function columnType(field: DmmfField, enumNames: Map<string, string>): string {
  // Unsupported("tsvector") names the PostgreSQL type itself.
  const base =
    field.kind === "enum"
      ? (enumNames.get(field.type) ?? field.type)
      : field.kind === "unsupported"
        ? field.type
        : field.nativeType
          ? nativeType(field.nativeType)
          : scalarTypes[field.type];
  if (!base) throw new Error(`schema-drift: no PostgreSQL type known for ${field.type}`);
  return field.isList ? `${base}[]` : base;
}

// The default expression as pg_get_expr prints it for what Prisma Migrate would have created.
function columnDefault(field: DmmfField, type: string): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === "object") {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (value.name === "dbgenerated") return String(value.args[0] ?? "");
    if (value.name === "autoincrement") return "nextval";
    // uuid(), cuid(), nanoid() are filled in by Prisma Client, not by the database.
    return null;
  }
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return value < 0 ? `'${value}'::${type}` : String(value);
  const castTo = field.kind === "enum" ? `"${type}"` : type;
  return `'${value.replaceAll("'", "''")}'::${castTo}`;
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`schema-drift: ${model.name}.${fieldName} not found`);
  return field.dbName ?? field.name;
}

// Prisma Migrate's default constraint and index names (all of Copydesk's fit PostgreSQL's 63 bytes).
function defaultName(table: string, columns: string[], suffix: string): string {
  return `${table}_${columns.join("_")}_${suffix}`;
}

/** The schema `prisma migrate` would create from this datamodel. */
export function expectedSchema(datamodel: DmmfDatamodel): DatabaseShape {
  const enumNames = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const shape: DatabaseShape = { tables: {}, indexes: {}, foreignKeys: {}, enums: {} };

  for (const item of datamodel.enums) {
    shape.enums[item.dbName ?? item.name] = item.values.map((value) => value.dbName ?? value.name);
  }
  for (const model of datamodel.models) {
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const type = columnType(field, enumNames);
      columns[field.dbName ?? field.name] = {
        type,
        nullable: !field.isRequired,
        default: columnDefault(field, type),
      };
    }
    shape.tables[tableName(model)] = columns;

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = models.get(field.type);
      if (!target)
        throw new Error(`schema-drift: relation ${model.name}.${field.name} points at unknown ${field.type}`);
      const fromColumns = field.relationFromFields.map((name) => columnName(model, name));
      // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
      const onDelete = (field.relationOnDelete ??
        (field.isRequired ? "Restrict" : "SetNull")) as ReferentialAction;
      shape.foreignKeys[defaultName(tableName(model), fromColumns, "fkey")] = {
        table: tableName(model),
        columns: fromColumns,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnName(target, name)),
        onDelete,
        onUpdate: (field.relationOnUpdate ?? "Cascade") as ReferentialAction,
      };
    }
  }
  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) throw new Error(`schema-drift: index on unknown model ${index.model}`);
    const table = tableName(model);
    const plainColumns = index.fields.map((field) => columnName(model, field.name));
    const columns = index.fields.map(
      (field, position) => `${plainColumns[position]}${field.sortOrder === "desc" ? " DESC" : ""}`,
    );
    const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
    const name =
      index.dbName ??
      (kind === "primary"
        ? `${table}_pkey`
        : defaultName(table, plainColumns, kind === "unique" ? "key" : "idx"));
    shape.indexes[name] = { table, columns, kind };
  }
  return shape;
}
