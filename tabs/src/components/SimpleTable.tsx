import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion";

/** One column: its heading and how a row shows in it. */
export type Column<Row> = { key: string; header: string; cell: (row: Row) => ReactNode };

/** A read-only table that scrolls sideways on narrow screens. */
export function SimpleTable<Row>({
  label,
  columns,
  rows,
  rowKey,
}: {
  /** Names the table for screen readers. */
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
}) {
  return (
    <ScrollRegion label={label}>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.key}>{column.header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) => (
                <TableCell key={column.key}>{column.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
