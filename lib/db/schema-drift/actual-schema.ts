import pg from "pg";

import type { DatabaseShape, ReferentialAction } from "./database-shape";

const actions: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

type ColumnRow = {
  table: string;
  column: string;
  attnum: number;
  type: string;
  is_enum: boolean;
  type_name: string;
  nullable: boolean;
  default: string | null;
};
type IndexRow = {
  name: string;
  table: string;
  keys: number[];
  options: number[];
  unique: boolean;
  primary: boolean;
};
type ForeignKeyRow = {
  name: string;
  table: string;
  keys: number[];
  referenced_table: string;
  referenced_keys: number[];
  on_delete: string;
  on_update: string;
};

/** Reads the public schema of a live database into the shape expectedSchema() produces. */
export async function actualSchema(options: { databaseUrl: string }): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const tableFilter = `n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`;
    const columns = await client.query<ColumnRow>(`
      SELECT c.relname AS table, a.attname AS column, a.attnum, format_type(a.atttypid, a.atttypmod) AS type,
             t.typtype = 'e' AS is_enum, t.typname AS type_name, NOT a.attnotnull AS nullable,
             pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE ${tableFilter} AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`);
    const indexes = await client.query<IndexRow>(`
      SELECT ic.relname AS name, c.relname AS table, i.indkey::int2[] AS keys, i.indoption::int2[] AS options,
             i.indisunique AS unique, i.indisprimary AS primary
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}`);
    const foreignKeys = await client.query<ForeignKeyRow>(`
      SELECT con.conname AS name, c.relname AS table, con.conkey AS keys, rc.relname AS referenced_table,
             con.confkey AS referenced_keys, con.confdeltype AS on_delete, con.confupdtype AS on_update
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_class rc ON rc.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'f' AND ${tableFilter}`);
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);

    const shape: DatabaseShape = { tables: {}, indexes: {}, foreignKeys: {}, enums: {} };
    const columnNames = new Map<string, string>();
    for (const row of columns.rows) {
      columnNames.set(`${row.table}:${row.attnum}`, row.column);
      shape.tables[row.table] ??= {};
      shape.tables[row.table]![row.column] = {
        // format_type quotes a mixed-case enum name inside an array type ("Role"[]); schema.prisma says Role[].
        type: row.is_enum ? row.type_name : row.type.replace(/^"([^"]+)"\[\]$/, "$1[]"),
        nullable: row.nullable,
        default: row.default?.startsWith("nextval(") ? "nextval" : row.default,
      };
      // A serial column's default names its sequence; schema.prisma says only autoincrement().
    }
    const name = (table: string, attnum: number) =>
      columnNames.get(`${table}:${attnum}`) ?? `(expression ${attnum})`;
    for (const row of indexes.rows) {
      shape.indexes[row.name] = {
        table: row.table,
        // Bit 0 of indoption marks a DESC column.
        columns: row.keys.map(
          (attnum, position) =>
            `${name(row.table, attnum)}${((row.options[position] ?? 0) & 1) === 1 ? " DESC" : ""}`,
        ),
        kind: row.primary ? "primary" : row.unique ? "unique" : "index",
      };
    }
    for (const row of foreignKeys.rows) {
      shape.foreignKeys[row.name] = {
        table: row.table,
        columns: row.keys.map((attnum) => name(row.table, attnum)),
        referencedTable: row.referenced_table,
        referencedColumns: row.referenced_keys.map((attnum) => name(row.referenced_table, attnum)),
        onDelete: actions[row.on_delete] ?? "NoAction",
        onUpdate: actions[row.on_update] ?? "NoAction",
      };
    }
    for (const row of enums.rows) shape.enums[row.name] = row.values;
    return shape;
  } finally {
    await client.end();
  }
}
