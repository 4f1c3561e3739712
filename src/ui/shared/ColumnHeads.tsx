import { memo } from 'react';

/**
 * A table's header row: one column heading per name. Compared by its names, not the array's identity:
 * a table drawn again with every edit keeps its heading untouched.
 */
export const ColumnHeads = memo(
  function ColumnHeads({ columns }: { columns: readonly string[] }) {
    return (
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
    );
  },
  (a, b) => a.columns.length === b.columns.length && a.columns.every((column, i) => column === b.columns[i]),
);
