import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { angka } from '../../lib/number';

/**
 * Charts of the evaluation, drawn by uPlot (1.6.32, canvas; its styles are set through the
 * CSSOM, which the site's CSP allows). Each chart has its table beside it (`Figure`), for
 * screen readers, copying and print; the canvas itself is hidden from assistive technology.
 */

export const COLORS = { wfa: '#0b5cad', dikecualikan: '#c26d00', kantor: '#166534', semua: '#4f5a67' };

export interface Line {
  label: string;
  color: string;
  /** Values 0–1 (ratios); null: nothing that week. */
  values: (number | null)[];
}

const pctAxis = (_u: uPlot, vals: number[]) => vals.map((v) => `${Math.round(v)} %`);

function useChart(make: (width: number) => uPlot.Options, data: uPlot.AlignedData, deps: unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | undefined;
    const draw = () => {
      plot?.destroy();
      const width = Math.max(240, Math.floor(el.clientWidth));
      plot = new uPlot(make(width), data, el);
    };
    draw();
    let last = el.clientWidth;
    const resize = new ResizeObserver(() => {
      if (Math.abs(el.clientWidth - last) < 8) return;
      last = el.clientWidth;
      draw();
    });
    resize.observe(el);
    // The printed report is narrower than the screen: redraw for it, and back afterwards.
    const print = matchMedia('print');
    const onPrint = () => draw();
    print.addEventListener('change', onPrint);
    return () => {
      resize.disconnect();
      print.removeEventListener('change', onPrint);
      plot?.destroy();
    };
  }, deps);
  return box;
}

/** A trend: one line per group over the weeks, in percent. */
export function TrendChart({ labels, lines, height = 220 }: { labels: string[]; lines: Line[]; height?: number }) {
  const xs = labels.map((_, i) => i);
  const data: uPlot.AlignedData = [xs, ...lines.map((l) => l.values.map((v) => (v === null ? null : v * 100)))];
  const box = useChart(
    (width) => ({
      width,
      height,
      scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.max(0, Math.floor((min ?? 0) / 10) * 10), Math.min(100, Math.ceil((max ?? 100) / 10) * 10 || 100)] } },
      axes: [
        { values: (_u, vals) => vals.map((v) => labels[v] ?? ''), space: 48, size: 30 },
        { values: pctAxis, size: 58 },
      ],
      series: [{}, ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 2, points: { show: true, size: 6 }, spanGaps: false }))],
      legend: { show: false },
      cursor: { show: false },
    }),
    data,
    [JSON.stringify(data)],
  );
  return <div class="chart" ref={box} aria-hidden="true" data-testid="chart" />;
}

/** Bars: one per category (an OPD, a kecamatan), in percent (ratios 0–1) or in seconds (milliseconds), coloured by group. */
export function BarChart({
  labels,
  values,
  colors,
  height = 240,
  unit = 'pct',
  labelSize = 70,
}: {
  labels: string[];
  values: (number | null)[];
  colors: string[];
  height?: number;
  unit?: 'pct' | 'detik';
  /** Room under the bars for the rotated labels (px). */
  labelSize?: number;
}) {
  const xs = labels.map((_, i) => i);
  const seconds = unit === 'detik';
  const data: uPlot.AlignedData = [xs, values.map((v) => (v === null ? null : seconds ? v / 1000 : v * 100))];
  const longest = Math.max(1, ...labels.map((l) => l.length));
  const box = useChart(
    (width) => {
      // Labels lie flat when each bar has room for its label (a few kecamatan), else they slant (36 OPD codes).
      const flat = width / Math.max(1, labels.length) >= longest * 6.5 + 10;
      return {
        width,
        height,
        scales: {
          x: { time: false, range: [-0.6, labels.length - 0.4] },
          y: { range: seconds ? (_u, _min, max) => [0, Math.max(1, Math.ceil(max ?? 1))] : (_u, min) => [Math.max(0, Math.floor(((min ?? 0) - 5) / 10) * 10), 100] },
        },
        axes: [
          {
            // One tick per bar, and no vertical grid lines between them.
            splits: () => xs,
            grid: { show: false },
            values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
            rotate: flat ? 0 : -60,
            size: flat ? 30 : labelSize,
            space: 6,
            gap: 2,
            font: '10px system-ui, sans-serif',
          },
          { values: seconds ? secAxis : pctAxis, size: 58 },
        ],
        series: [
          {},
          {
            label: seconds ? 'Durasi' : 'Kehadiran',
            stroke: COLORS.wfa,
            fill: COLORS.wfa,
            // No outline, so uPlot takes each bar's colour from `disp` (its group).
            width: 0,
            paths: uPlot.paths.bars!({ size: [0.7, 24], disp: { fill: { unit: 3, values: () => colors } } }),
            points: { show: false },
          },
        ],
        legend: { show: false },
        cursor: { show: false },
      };
    },
    data,
    [JSON.stringify(data), colors.join()],
  );
  return <div class="chart" ref={box} aria-hidden="true" data-testid="chart" />;
}

const secAxis = (_u: uPlot, vals: number[]) => vals.map((v) => `${angka(v, 1)} dtk`);

/** A chart with its table beside it (stacked on a phone), and a caption. */
export function Figure({ title, caption, chart, children, wide = false }: { title: string; caption?: string; chart: ComponentChildren; children: ComponentChildren; wide?: boolean }) {
  return (
    <figure class={wide ? 'eval-figure eval-figure-wide' : 'eval-figure'}>
      <figcaption>
        <strong>{title}</strong>
        {caption && <span class="muted"> {caption}</span>}
      </figcaption>
      <div class="eval-figure-body">
        <div class="eval-figure-chart">{chart}</div>
        <div class="eval-figure-table">{children}</div>
      </div>
    </figure>
  );
}
