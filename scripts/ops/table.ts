/** One column of a table: its header and how a row shows in it. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | undefined;
  /** Numbers read best right-aligned. */
  readonly align?: 'left' | 'right';
}

const GAP = '  ';

const text = (value: string | number | boolean | undefined) =>
  value === undefined || value === '' ? '-' : String(value);

/**
 * Rows as lines of aligned columns under a header, for people; `--json`
 * gives scripts the same data. A cell never spans lines: line breaks in a
 * value (an agent name, an error) become spaces.
 */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string[] {
  const cells = rows.map((row) =>
    columns.map((column) => text(column.value(row)).replace(/\s+/g, ' ')),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((row) => row[index]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) =>
        columns[index]!.align === 'right'
          ? value.padStart(widths[index]!)
          : value.padEnd(widths[index]!),
      )
      .join(GAP)
      .trimEnd();

  return [line(columns.map((column) => column.header)), ...cells.map(line)];
}

/** `label  value` pairs with the values aligned, indented under a section title. */
export function formatFields(
  title: string,
  fields: readonly (readonly [label: string, value: string | number | undefined])[],
): string[] {
  const width = Math.max(...fields.map(([label]) => label.length));
  return [
    title,
    ...fields.map(([label, value]) =>
      `  ${label.padEnd(width)}${GAP}${text(value).replace(/\s+/g, ' ')}`.trimEnd(),
    ),
  ];
}
