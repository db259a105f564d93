// Time-series charts (uPlot) that follow the page's theme and width, mark the halvings, and carry
// a text alternative: an accessible name that summarises the chart and a data table beside it.
//
// Markup a chart fills in:
//   <figure class="chart" data-chart="earned">
//     <figcaption>...</figcaption>
//     <div class="plot"></div>
//     <details><summary>Data table</summary><div class="table-wrap"></div></details>
//   </figure>
import uPlot from '../vendor/uPlot.esm.js';
import { tableRow } from './figures.js';
import { formatAxis, formatDate, formatTick } from './format.js';

const live = new Set();

/** A CSS colour of the page's theme, resolved (canvas cannot read var(--x)). */
function themeColor(element, name) {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  probe.hidden = true;
  element.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

function withAlpha(rgb, alpha) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : rgb;
}

/** A y axis wide enough for its widest tick label (uPlot's default is a fixed 50 px). */
function axisSize(u, values, axisIndex) {
  if (!values) return 50;
  const axis = u.axes[axisIndex];
  u.ctx.save();
  u.ctx.font = axis.font?.[0] ?? '12px system-ui';
  const widest = Math.max(...values.map((v) => u.ctx.measureText(v ?? '').width)) / uPlot.pxRatio;
  u.ctx.restore();
  return Math.ceil(widest) + (axis.ticks.size ?? 10) + (axis.gap ?? 5) + (axis.label ? 24 : 8);
}

/** Draws the vertical marks (halvings, today) over the plot. */
function marksPlugin(chart) {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx, bbox } = u;
          const ratio = uPlot.pxRatio;
          ctx.save();
          ctx.font = `${11 * ratio}px system-ui, sans-serif`;
          ctx.textBaseline = 'top';
          const taken = []; // label boxes per row: labels of close marks stack, never overlap
          for (const mark of chart.marks) {
            const x = Math.round(u.valToPos(mark.t, 'x', true));
            if (x < bbox.left || x > bbox.left + bbox.width) continue;
            ctx.strokeStyle = chart.colors.muted;
            ctx.fillStyle = chart.colors.muted;
            ctx.lineWidth = ratio;
            ctx.setLineDash(mark.solid ? [] : [4 * ratio, 4 * ratio]);
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
            const width = ctx.measureText(mark.label).width;
            const right = x + 4 * ratio + width <= bbox.left + bbox.width;
            const from = right ? x + 4 * ratio : x - 4 * ratio - width;
            const row = [0, 1, 2].find((r) => !taken.some((b) => b.row === r && from < b.to && from + width > b.from));
            if (row === undefined) continue;
            taken.push({ row, from: from - 2 * ratio, to: from + width + 2 * ratio });
            ctx.textAlign = 'left';
            ctx.fillText(mark.label, from, bbox.top + (4 + row * 14) * ratio);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/**
 * A chart in `figure`. `spec`: { height, x: { label, format(v) } (default: dates from Unix
 * seconds), series: [{ label, color (a CSS variable), scale, dash, fill, stepped, format(v) }],
 * scales: { [name]: { label, side (3 left, 1 right), format(v), range, log } }, bands:
 * [{ upper, lower, color }] (series indices from 0: the area between two series, shaded) }. A
 * `log` scale is logarithmic (base 10) and leaves out values <= 0, which it cannot place.
 */
export class Chart {
  constructor(figure, spec = { series: [], scales: {} }) {
    this.figure = figure;
    this.plot = figure.querySelector('.plot');
    this.spec = spec;
    this.data = null;
    this.marks = [];
    this.u = null;
    // The data table is built when it is opened (and kept up to date while open): a closed one
    // costs no DOM and no time on each edit.
    this.table = null;
    this.details = figure.querySelector('details');
    this.details?.addEventListener('toggle', () => this.showTable());
    live.add(this);
    new ResizeObserver(() => this.resize()).observe(this.plot);
  }

  showTable() {
    if (this.table && this.details?.open) fillTable(this.figure.querySelector('.table-wrap'), this.table);
  }

  /** New series and scales: the next set() draws a new chart. */
  configure(spec) {
    this.spec = spec;
    this.u?.destroy();
    this.u = null;
  }

  /** New data: `data` is [x (Unix seconds), ...one array per series]; `marks` [{ t, label }];
   * `summary` the accessible name; `table` { columns, rows } the text alternative. */
  set(data, { marks = [], summary = '', table = null } = {}) {
    const log = [null, ...this.spec.series.map((s) => this.spec.scales[s.scale]?.log)];
    this.data = data.map((column, i) => (log[i] ? Array.from(column, (v) => (v > 0 ? v : null)) : column));
    this.marks = marks;
    if (!this.u) this.build();
    else this.u.setData(this.data);
    this.plot.setAttribute('aria-label', summary);
    if (table) {
      this.table = table;
      this.showTable();
    }
    this.figure.dataset.points = String(data[0].length);
  }

  build() {
    this.u?.destroy();
    const figure = this.figure;
    const colors = (this.colors = {
      text: themeColor(figure, '--text'),
      muted: themeColor(figure, '--muted'),
      grid: themeColor(figure, '--border'),
    });
    const { series, scales, height = 260, x } = this.spec;
    const formatX = x?.format ?? formatDate;
    const tick = x?.format ? (v) => x.format(v) : formatTick;
    // A phone-wide plot has no room for rotated axis titles: they go in a line above it, and
    // month ticks take two lines so that more of them fit.
    this.narrow = this.plot.clientWidth < 480;
    this.showAxisTitles(this.narrow ? scales : null);
    const axisFor = (name) => {
      const scale = scales[name];
      return {
        scale: name,
        side: scale.side ?? 3,
        label: this.narrow ? undefined : scale.label,
        labelSize: this.narrow ? 0 : 20,
        stroke: colors.text,
        grid: { stroke: colors.grid, width: 1, show: (scale.side ?? 3) === 3 },
        ticks: { stroke: colors.grid, width: 1 },
        size: axisSize,
        // A log axis leaves out the splits it does not label (null).
        values: (u, splits) => splits.map((v) => (v === null ? '' : (scale.format ?? formatAxis)(v))),
      };
    };
    const opts = {
      width: Math.max(200, this.plot.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
      scales: {
        x: { time: !x },
        ...Object.fromEntries(
          Object.entries(scales).map(([name, scale]) => [
            name,
            { ...(scale.range && { range: scale.range }), ...(scale.log && { distr: 3, log: 10 }) },
          ]),
        ),
      },
      axes: [
        {
          stroke: colors.text,
          label: this.narrow ? undefined : x?.label,
          labelSize: x?.label && !this.narrow ? 20 : 0,
          grid: { stroke: colors.grid, width: 1 },
          ticks: { stroke: colors.grid, width: 1 },
          values: (u, splits, axis, space, step) => splits.map((v) => tick(v, step, undefined, this.narrow)),
          space: this.narrow ? 44 : 70,
          size: this.narrow ? 60 : 50,
        },
        ...Object.keys(scales).map(axisFor),
      ],
      series: [
        { label: x?.label ?? 'Date', value: (u, v) => (v === null ? '' : formatX(v)) },
        ...series.map((s) => {
          const stroke = themeColor(figure, s.color);
          return {
            label: s.label,
            scale: s.scale,
            stroke,
            width: s.width ?? 2,
            dash: s.dash,
            fill: s.fill ? withAlpha(stroke, 0.18) : undefined,
            paths: s.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined,
            points: { show: false },
            spanGaps: false,
            value: (u, v) => (v === null || Number.isNaN(v) ? '—' : (s.format ?? scales[s.scale].format ?? formatAxis)(v)),
          };
        }),
      ],
      bands: (this.spec.bands ?? []).map((b) => ({
        series: [b.upper + 1, b.lower + 1],
        fill: withAlpha(themeColor(figure, b.color), 0.16),
      })),
      plugins: [marksPlugin(this)],
    };
    this.u = new uPlot(opts, this.data, this.plot);
    // The plot is an image to assistive technology (named by its summary); the data table
    // beside it is the text alternative, and the mouse-only legend stays out of the way.
    this.plot.setAttribute('role', 'img');
    this.u.root.querySelector('.u-legend')?.setAttribute('aria-hidden', 'true');
  }

  /** The axis titles in a line above the plot (`scales`), or none (null). */
  showAxisTitles(scales) {
    this.titles?.remove();
    this.titles = null;
    if (!scales) return;
    this.titles = document.createElement('div');
    this.titles.className = 'axis-titles';
    this.titles.setAttribute('aria-hidden', 'true'); // the summary and the table say the units
    for (const scale of Object.values(scales)) {
      const title = document.createElement('span');
      title.textContent = scale.label;
      title.className = (scale.side ?? 3) === 1 ? 'right' : 'left';
      this.titles.append(title);
    }
    this.plot.before(this.titles);
  }

  resize() {
    if (!this.u) return;
    if (this.plot.clientWidth < 480 !== this.narrow) return this.build();
    const width = Math.max(200, this.plot.clientWidth);
    if (width !== this.u.width) this.u.setSize({ width, height: this.u.height });
  }
}

/** Rebuilds every chart in the colours of the current theme. */
export function rethemeCharts() {
  for (const chart of live) if (chart.u) chart.build();
}

/** Fills `wrap` with a table of `columns` and `rows` (text only). */
export function fillTable(wrap, { columns, rows, caption }) {
  const table = document.createElement('table');
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  table.createTBody().append(...rows.map(tableRow));
  wrap.replaceChildren(table);
}

/** About `count` indices spread evenly over `n` samples, always with the first and the last. */
export function sampleIndices(n, count = 25) {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (count - 1);
  return Array.from({ length: count }, (_, k) => Math.round(k * step));
}
