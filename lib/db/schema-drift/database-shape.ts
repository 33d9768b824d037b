/** The parts of a PostgreSQL schema that schema.prisma describes, in one comparable form. */
export type ColumnShape = { type: string; nullable: boolean; default: string | null };

export type IndexShape = {
  table: string;
  /** Column names in index order, with " DESC" for descending ones. */
  columns: string[];
  kind: "primary" | "unique" | "index";
};

export type ForeignKeyShape = {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export type DatabaseShape = {
  tables: Record<string, Record<string, ColumnShape>>;
  /** By index or constraint name. */
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
  enums: Record<string, string[]>;
};
