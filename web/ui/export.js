// CSV and JSON files made in the page and saved through a Blob: nothing leaves the browser.

const numeric = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe: owner names can come from a pasted file. */
function cell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (!numeric.test(text) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export const csvLine = (row) => `${row.map(cell).join(',')}\r\n`;

/** A CSV document: a header row and the rows. */
export function toCsv(columns, rows) {
  return csvLine(columns) + rows.map(csvLine).join('');
}

/** Saves `content` (text or a Blob) as `filename`. */
export function download(filename, content, type = 'text/plain') {
  const blob = content instanceof Blob ? content : new Blob([content], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; give slow browsers a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Saves a CSV file. */
export const downloadCsv = (filename, columns, rows) => download(filename, toCsv(columns, rows), 'text/csv');

/** Saves a JSON file, pretty-printed. */
export const downloadJson = (filename, value) => download(filename, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
