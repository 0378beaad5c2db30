import { describe, expect, test } from 'vitest';
import { layoutChart, niceCeiling } from '../../src/lib/chart';

describe('niceCeiling', () => {
  test.each([
    [500000, 500000],
    [400001, 500000],
    [17, 20],
    [230, 250],
    [0, 1],
  ])('%d → %d', (value, nice) => expect(niceCeiling(value)).toBe(nice));
});

describe('layoutChart', () => {
  const layout = layoutChart([
    { year: 2022, value: 500000, target: true },
    { year: 2020, value: 250000, target: false },
    { year: 2021, value: 400000, target: false },
  ]);

  test('bars in year order, standing on the axis, heights in proportion', () => {
    expect(layout.bars.map((b) => b.year)).toEqual([2020, 2021, 2022]);
    for (const bar of layout.bars) expect(bar.y + bar.height).toBeCloseTo(layout.bottom);
    expect(layout.bars[1]!.height / layout.bars[0]!.height).toBeCloseTo(400000 / 250000);
    expect(layout.bars[2]!.y).toBeCloseTo(layout.top);
  });

  test('bars inside the plot, left to right, without overlap', () => {
    for (const [i, bar] of layout.bars.entries()) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.right);
      if (i > 0) expect(bar.x).toBeGreaterThan(layout.bars[i - 1]!.x + layout.bars[i - 1]!.width);
    }
  });

  test('the target stays marked as one', () => {
    expect(layout.bars.map((b) => b.target)).toEqual([false, false, true]);
  });

  test('five gridlines from 0 to the nice maximum', () => {
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 125000, 250000, 375000, 500000]);
  });
});
