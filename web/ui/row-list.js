// An editable list of rows of inputs, each with a Remove button (purchases, Energy thresholds).
// Every input gets a label, an id, an error line, and the name `${name}[i].${column}`, so that
// an API error naming that field (purchases[1].units) lands on it.

/**
 * list: the element holding the rows; addButton: where focus goes when the last row goes;
 * name: the field path's head ("purchases"); idPrefix: of the inputs' ids ("m-purchase" gives
 * m-purchase-0-date); rowClass; what: "purchase" (for the Remove labels);
 * columns: [{ name, label(i), input: () => HTMLInputElement }]; keepOne: a last row cannot be
 * removed; onChange: after a removal. Returns { add(values), read(), set(rows) }, rows being
 * objects keyed by column name.
 */
export function rowList({ list, addButton, name, idPrefix, rowClass, what, columns, keepOne = false, onChange }) {
  function field(i, column, value) {
    const id = `${idPrefix}-${i}-${column.name}`;
    const wrap = document.createElement('div');
    wrap.className = `field field-${column.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = column.label(i);
    const input = column.input();
    input.id = id;
    input.name = `${name}[${i}].${column.name}`;
    input.value = value ?? '';
    input.dataset.noShare = 'true'; // the section shares the whole list in one parameter
    input.setAttribute('aria-describedby', `${id}-error`);
    const error = document.createElement('p');
    error.className = 'error';
    error.id = `${id}-error`;
    wrap.append(label, input, error);
    return wrap;
  }

  function add(values = {}) {
    const i = list.children.length;
    const row = document.createElement('div');
    row.className = rowClass;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary small remove';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${what} ${i + 1}`);
    remove.addEventListener('click', () => {
      const rows = read();
      rows.splice([...list.children].indexOf(row), 1);
      set(rows);
      onChange();
      (list.querySelector('.remove:not(:disabled)') ?? addButton).focus();
    });
    row.append(...columns.map((column) => field(i, column, values[column.name])), remove);
    list.append(row);
    if (keepOne) {
      const buttons = list.querySelectorAll('.remove');
      buttons.forEach((b) => (b.disabled = buttons.length === 1));
    }
  }

  function read() {
    return [...list.children].map((row) => {
      const inputs = row.querySelectorAll('input');
      return Object.fromEntries(columns.map((column, k) => [column.name, inputs[k].value.trim()]));
    });
  }

  function set(rows) {
    list.replaceChildren();
    rows.forEach((row) => add(row));
  }

  return { add, read, set };
}

/** An <input> with these properties (type, inputMode, autocomplete...). */
export function input(properties) {
  return Object.assign(document.createElement('input'), properties);
}
