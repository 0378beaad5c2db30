/**
 * Bar charts of a commitment's yearly figures, laid out at build time (no chart
 * JavaScript): src/components/MetricChart.astro draws them as SVG. One bar per year;
 * a target is drawn as a target (hatched, dashed outline, labelled), never as a result.
 */

export interface ChartPoint {
  year: number;
  value: number;
  target: boolean;
}

export interface ChartBar extends ChartPoint {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area: bars stand on `bottom`. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  bars: ChartBar[];
  /** Gridlines of the value axis, from 0 up to the axis maximum. */
  ticks: { value: number; y: number }[];
}

/** The smallest "nice" number (1, 2, 2.5 or 5 × 10^n) at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export const CHART = { width: 640, height: 300, left: 96, right: 16, top: 40, bottom: 44 } as const;

/** Bars in year order, the value axis from 0 to a nice maximum with four intervals. */
export function layoutChart(points: readonly ChartPoint[]): ChartLayout {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const max = niceCeiling(Math.max(0, ...sorted.map((p) => p.value)));
  const left = CHART.left;
  const right = CHART.width - CHART.right;
  const top = CHART.top;
  const bottom = CHART.height - CHART.bottom;
  const slot = (right - left) / Math.max(1, sorted.length);
  const barWidth = Math.min(96, slot * 0.6);
  const y = (value: number) => bottom - (value / max) * (bottom - top);
  const bars = sorted.map((p, i) => {
    const top = y(p.value);
    return {
      ...p,
      x: left + slot * i + (slot - barWidth) / 2,
      y: top,
      width: barWidth,
      height: bottom - top,
    };
  });
  const ticks = [0, 1, 2, 3, 4].map((i) => ({ value: (max * i) / 4, y: y((max * i) / 4) }));
  return { width: CHART.width, height: CHART.height, left, right, top, bottom, bars, ticks };
}
