// The row and cell shapes the Jira views hand to Atlaskit's DynamicTable. DynamicTable spreads a row's and a cell's
// other props onto its <tr> and <td>, so both may carry the data attributes the tests and styles read.
import type { DynamicTableProps } from '@atlaskit/dynamic-table';

export type DataAttributes = { [attribute: `data-${string}`]: string };
export type TableHead = NonNullable<DynamicTableProps['head']>;
export type TableRow = NonNullable<DynamicTableProps['rows']>[number] & DataAttributes;
export type TableCell = TableRow['cells'][number] & DataAttributes;
