// CSV and JSON files made in the page and saved through a Blob: nothing leaves the browser.

const numeric = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
// A spreadsheet may run a cell as a formula when =, +, - or @ (or their fullwidth forms) comes
// after spaces of any kind (" =1+1", a no-break space), and tab or CR first are OWASP's too.
const formulaStart = /^[\p{White_Space}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** `value` as a CSV cell may hold it: text a spreadsheet would run as a formula gets a leading
 * apostrophe (owner names can come from a pasted file); numbers, -5 too, are left alone. */
export function formulaSafe(value) {
  if (value === null || value === undefined || typeof value === 'number') return value;
  const text = String(value);
  return !numeric.test(text) && formulaStart.test(text) ? `'${text}` : text;
}

/** One CSV cell (RFC 4180), formulaSafe. */
function cell(value) {
  if (value === null || value === undefined) return '';
  const text = String(formulaSafe(value));
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
