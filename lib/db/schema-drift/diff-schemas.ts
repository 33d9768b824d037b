import type { ColumnShape, DatabaseShape } from "./database-shape";

function compareKeyed<T>(options: {
  label: string;
  expected: Record<string, T>;
  actual: Record<string, T>;
  describe: (item: T) => string;
}): string[] {
  const problems: string[] = [];
  for (const [name, item] of Object.entries(options.expected)) {
    const found = options.actual[name];
    if (found === undefined) problems.push(`missing ${options.label} ${name}: ${options.describe(item)}`);
    else if (options.describe(found) !== options.describe(item)) {
      problems.push(
        `${options.label} ${name} differs: schema.prisma has ${options.describe(item)}, the database has ${options.describe(found)}`,
      );
    }
  }
  for (const [name, item] of Object.entries(options.actual)) {
    if (!(name in options.expected))
      problems.push(`unexpected ${options.label} ${name}: ${options.describe(item)}`);
  }
  return problems;
}

/** Every difference between what schema.prisma describes and what the database holds, one line each. */
export function diffSchemas(options: { expected: DatabaseShape; actual: DatabaseShape }): string[] {
  const { expected, actual } = options;
  const problems: string[] = [];
  const wantColumns: Record<string, ColumnShape> = {};
  const haveColumns: Record<string, ColumnShape> = {};
  for (const table of Object.keys(expected.tables)) {
    if (!actual.tables[table]) problems.push(`missing table ${table}`);
  }
  for (const table of Object.keys(actual.tables)) {
    if (!expected.tables[table]) problems.push(`unexpected table ${table}`);
    else {
      for (const [column, shape] of Object.entries(expected.tables[table]!))
        wantColumns[`${table}.${column}`] = shape;
      for (const [column, shape] of Object.entries(actual.tables[table]!))
        haveColumns[`${table}.${column}`] = shape;
    }
  }
  problems.push(
    ...compareKeyed({
      label: "column",
      expected: wantColumns,
      actual: haveColumns,
      describe: (column) =>
        `${column.type} ${column.nullable ? "NULL" : "NOT NULL"} DEFAULT ${column.default ?? "none"}`,
    }),
  );
  problems.push(
    ...compareKeyed({
      label: "index",
      expected: expected.indexes,
      actual: actual.indexes,
      describe: (index) => `${index.kind} on ${index.table}(${index.columns.join(", ")})`,
    }),
    ...compareKeyed({
      label: "foreign key",
      expected: expected.foreignKeys,
      actual: actual.foreignKeys,
      describe: (key) =>
        `${key.table}(${key.columns.join(", ")}) → ${key.referencedTable}(${key.referencedColumns.join(", ")}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`,
    }),
    ...compareKeyed({
      label: "enum",
      expected: expected.enums,
      actual: actual.enums,
      describe: (values) => values.join(", "),
    }),
  );
  return problems;
}
