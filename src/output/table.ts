// Lists for people and for pipes. On a terminal: a header and aligned columns, colour where
// the caller styles a cell. In a pipe: one tab-separated line per row and no header, so
// `cut -f2` or `while IFS=$'\t' read …` work without parsing padding.
import type { Colors } from './color.js';

export interface Column<T> {
  header: string;
  /** The cell as plain text; widths are measured on this. */
  value: (row: T) => string;
  /** Colours a cell (TTY only); padding is added afterwards. */
  style?: (text: string, row: T, c: Colors) => string;
}

const GAP = '  ';

/** Cells are one line each: a newline or tab inside a name would break both layouts. */
function flatten(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** Columns of text as a terminal shows them: most characters take one cell, emoji and CJK two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x300 && code <= 0x36f)) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], c: Colors): string {
  const cells = rows.map((row) => columns.map((col) => flatten(col.value(row))));
  const widths = columns.map((col, i) =>
    Math.max(displayWidth(col.header), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const last = columns.length - 1;
  // Padding is added after styling, so colour codes never count towards a width.
  const line = (texts: string[], styleOf: (text: string, i: number) => string) =>
    texts
      .map((text, i) => {
        const styled = text === '' ? text : styleOf(text, i);
        return i === last ? styled : styled + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(text)));
      })
      .join(GAP)
      .trimEnd();
  const header = line(
    columns.map((col) => col.header),
    (text) => c.bold(text),
  );
  const body = cells.map((texts, r) =>
    line(texts, (text, i) => {
      const style = columns[i]?.style;
      return style ? style(text, rows[r] as T, c) : text;
    }),
  );
  return [header, ...body].join('\n');
}

export function renderTsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  return rows.map((row) => columns.map((col) => flatten(col.value(row))).join('\t')).join('\n');
}
