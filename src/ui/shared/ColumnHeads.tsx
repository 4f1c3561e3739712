import { memo } from 'react';
import { sameData } from './sameData';

/**
 * A table's header row: one column heading per name. Compared by its names, not the array's identity:
 * a table drawn again with every edit keeps its heading untouched.
 */
export const ColumnHeads = memo(function ColumnHeads({ columns }: { columns: readonly string[] }) {
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
}, sameData);
