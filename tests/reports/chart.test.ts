import { chartSpecFromResult, niceScale, renderChartPng, renderReportChart, type ChartSpec } from '../../reports/chart';
import { reportQuery } from '../../reports/query';
import type { ReportResult, ReportRow } from '../../reports/run';
import { decodePng, pixel } from '../support/png';

const SPEC: ChartSpec = {
  kind: 'bar',
  title: 'Osallistujat yksiköittäin, maaliskuu 2026',
  categories: ['Nuorisotalo Kipinä', 'Nuorisotalo Majakka', 'Jalkautuva tiimi', 'Digitiimi', '(ei yksikköä)'],
  series: [{ name: 'maaliskuu 2026', values: [1234, 987, 456, 1500, 12] }],
  locale: 'fi',
};

interface Bar {
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

function bars(svg: string): Bar[] {
  return [...svg.matchAll(/<rect class="bar"[^>]*>/g)].map(([tag]) => {
    const attr = (name: string) => Number(new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1]);
    return { value: attr('data-value'), x: attr('x'), y: attr('y'), width: attr('width'), height: attr('height') };
  });
}

function row(label: string, value: number, comparisonValue: number | null = null): ReportRow {
  return { keys: [label], labels: [label], value, comparisonValue, num: value, den: null, comparisonNum: comparisonValue, comparisonDen: null };
}

describe('report charts', () => {
  it('renders a PNG that decodes, with the size of the SVG', () => {
    const image = renderChartPng(SPEC);
    expect(image.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image.png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(image.png.readUInt32BE(16)).toBe(image.width);
    expect(image.png.readUInt32BE(20)).toBe(image.height);
    const decoded = decodePng(image.png);
    expect([decoded.width, decoded.height]).toEqual([image.width, image.height]);
  });

  it('draws bar heights proportional to the numbers, in the SVG and in the pixels', () => {
    const image = renderChartPng(SPEC);
    const drawn = bars(image.svg);
    expect(drawn.map((b) => b.value)).toEqual(SPEC.series[0].values);
    const tallest = drawn.reduce((a, b) => (b.value > a.value ? b : a));
    const perUnit = tallest.height / tallest.value;
    for (const bar of drawn) {
      // Heights are written with three decimals.
      expect(Math.abs(bar.height - bar.value * perUnit)).toBeLessThan(0.002);
      expect(bar.y + bar.height).toBeCloseTo(drawn[0].y + drawn[0].height, 6);
    }
    // In the raster: from the baseline up, each bar's colour runs as high as its number says.
    const png = decodePng(image.png);
    const baseline = drawn[0].y + drawn[0].height;
    for (const bar of drawn) {
      const x = bar.x + bar.width / 2;
      let top = baseline - 1;
      while (top > 0 && pixel(png, x, top - 1).slice(0, 3).join() === '31,111,92') top--;
      expect(Math.abs(baseline - top - bar.height)).toBeLessThanOrEqual(1.5);
    }
  });

  it('puts the title, axis ticks, value labels and category labels in the user’s language', () => {
    const { svg } = renderChartPng(SPEC);
    expect(svg).toContain('Osallistujat yksiköittäin, maaliskuu 2026');
    // Finnish groups thousands with a no-break space.
    expect(svg).toContain('>1\u00a0234</text>');
    expect(svg).toContain('>1\u00a0500</text>');
    expect(svg).toContain('class="axis"');
    expect(svg).toContain('Nuorisotalo Kipinä');
    const share = renderChartPng({ ...SPEC, kind: 'line', percent: true, locale: 'en', series: [{ name: '2026', values: [0.41, 0.5, 0.47, 0.45, 0.3] }] });
    expect(share.svg).toContain('>50%</text>');
    expect(share.svg).toMatch(/<polyline class="line"/);
  });

  it('escapes names and copes with many categories', () => {
    const categories = Array.from({ length: 30 }, (_, i) => `Unit <${i}> & "friends"`);
    const image = renderChartPng({ ...SPEC, categories, series: [{ name: 'x', values: categories.map((_, i) => i * 3) }] });
    expect(image.svg).not.toContain('<0>');
    expect(image.svg).toContain('&lt;0&gt; &amp; &quot;friends&quot;');
    expect(decodePng(image.png).width).toBeGreaterThan(640);
  });

  it('rounds the axis to a nice maximum', () => {
    expect(niceScale(1500, false)).toEqual({ top: 1500, step: 500 });
    expect(niceScale(1234, false)).toEqual({ top: 1250, step: 250 });
    expect(niceScale(0.47, true)).toEqual({ top: 0.5, step: 0.1 });
    expect(niceScale(0, false).top).toBeGreaterThan(0);
  });

  it('charts a report result: one series per period, bars equal to the rows', () => {
    const result: ReportResult = {
      query: reportQuery({ metric: 'participants', filters: { period: { from: '2026-03-01', to: '2026-03-31' } }, groupBy: 'unit', comparison: 'sameLastYear', chart: 'bar' }),
      national: false,
      period: { from: '2026-03-01', to: '2026-03-31' },
      comparisonPeriod: { from: '2025-03-01', to: '2025-03-31' },
      dimensions: ['unit'],
      rows: [row('Kipinä', 300, 250), row('Majakka', 200, 260), row('Digitiimi', 50, 0)],
      total: row('Total', 550, 510),
      omitted: 0,
    };
    const spec = chartSpecFromResult(result, 'sv');
    expect(spec.title).toBe('Deltagare per enhet, mars 2026');
    expect(spec.categories).toEqual(['Kipinä', 'Majakka', 'Digitiimi']);
    expect(spec.series).toEqual([
      { name: 'mars 2026', values: [300, 200, 50] },
      { name: 'mars 2025', values: [250, 260, 0] },
    ]);
    const image = renderReportChart(result, 'sv');
    const drawn = bars(image.svg);
    expect(drawn.map((b) => b.value)).toEqual([300, 200, 50, 250, 260, 0]);
    expect(image.svg).toContain('mars 2025');
  });
});
