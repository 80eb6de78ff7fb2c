/**
 * Report charts: a bar or line chart drawn as SVG (title, y axis with grid lines, category labels,
 * value labels, a legend for several series) and rasterised to PNG with resvg. Text is set in the
 * bundled DejaVu Sans (package dejavu-fonts-ttf), so rendering needs no system fonts and looks the
 * same on every server; system fonts are only a fallback when the package is missing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Locale } from '../bot/locale';
import { reportTitle } from './answer';
import { formatNumber, formatPeriod, formatValue, metricLabel } from './format';
import { SHARE_METRICS, TIME_GROUPS, type GroupBy } from './query';
import type { ReportResult } from './run';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  title: string;
  categories: string[];
  series: ChartSeries[];
  locale: Locale;
  /** Values are shares (0..1), shown as per cent. */
  percent?: boolean;
  /** Decimals of value labels (hours: 1). */
  decimals?: number;
}

export interface ChartImage {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
}

const FONT_FAMILY = 'DejaVu Sans';
const COLORS = ['#1F6F5C', '#F2A93B', '#3B6EA8', '#B5485D', '#6B8E23', '#8A6FB0', '#D17A22', '#4A9BA5', '#7F7F7F', '#C4A000'];
const HEIGHT = 440;
const MARGIN = { top: 64, right: 24, left: 72 };
const MAX_VALUE_LABELS = 60;

function fontFiles(): string[] {
  try {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(dir, file)).filter((file) => existsSync(file));
  } catch {
    return [];
  }
}

let renderOptions: ResvgRenderOptions | undefined;

function options(): ResvgRenderOptions {
  if (!renderOptions) {
    const files = fontFiles();
    renderOptions = {
      fitTo: { mode: 'original' },
      background: '#FFFFFF',
      font: { fontFiles: files, loadSystemFonts: files.length === 0, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    };
  }
  return renderOptions;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A round axis maximum (1, 2, 2.5 or 5 × 10^k) at or above the largest value, and its tick step. */
export function niceScale(max: number, percent: boolean): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  if (percent && max <= 1) {
    const step = max > 0.5 ? 0.2 : max > 0.2 ? 0.1 : max > 0.1 ? 0.05 : 0.02;
    return { top: Math.min(1, Math.ceil(max / step - 1e-9) * step), step };
  }
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

/** The chart as SVG text. Bars carry data-value, so their heights can be checked against the numbers. */
export function renderChartSvg(spec: ChartSpec): { svg: string; width: number; height: number } {
  const n = Math.max(1, spec.categories.length);
  const s = Math.max(1, spec.series.length);
  const width = Math.round(Math.min(2400, Math.max(640, MARGIN.left + MARGIN.right + n * Math.max(36, s * 22 + 14))));
  const groupWidth = (width - MARGIN.left - MARGIN.right) / n;
  const labelLength = Math.max(0, ...spec.categories.map((c) => Math.min(c.length, 22)));
  const rotate = labelLength * 7 > groupWidth;
  // Labels at -40°: their height is about sin 40° × their width.
  const bottom = rotate ? 34 + Math.min(22, labelLength) * 4.4 : 48;
  const plotTop = MARGIN.top + (s > 1 ? 22 : 0);
  const plotHeight = HEIGHT - plotTop - bottom;
  const baseline = plotTop + plotHeight;
  const values = spec.series.flatMap((series) => series.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const { top, step } = niceScale(Math.max(0, ...values), spec.percent ?? false);
  const y = (v: number) => baseline - (Math.max(0, v) / top) * plotHeight;
  const label = (v: number) => (spec.percent ? formatValue(v, 'girlsShare', spec.locale) : formatNumber(v, spec.locale, spec.decimals ?? 0));
  // Value labels while they stay readable: lines of several series cross, so fewer of them.
  const showValues = values.length <= (spec.kind === 'line' && s > 1 ? MAX_VALUE_LABELS / 3 : MAX_VALUE_LABELS);
  const parts: string[] = [];

  parts.push(`<rect width="${width}" height="${HEIGHT}" fill="#FFFFFF"/>`);
  parts.push(`<text x="${MARGIN.left - 48}" y="32" font-size="18" font-weight="bold" fill="#222222">${escapeXml(truncate(spec.title, 110))}</text>`);
  // Grid lines and y axis labels.
  for (let tick = 0; tick <= top + step / 1000; tick += step) {
    const ty = y(tick).toFixed(1);
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#E3E3E3" stroke-width="1"/>`);
    parts.push(`<text class="tick" x="${MARGIN.left - 8}" y="${ty}" dy="4" font-size="12" text-anchor="end" fill="#555555">${escapeXml(label(tick))}</text>`);
  }
  parts.push(`<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${plotTop}" y2="${baseline}" stroke="#555555" stroke-width="1"/>`);
  parts.push(`<line class="axis" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${baseline}" y2="${baseline}" stroke="#555555" stroke-width="1"/>`);
  // Category labels.
  spec.categories.forEach((category, i) => {
    const cx = MARGIN.left + groupWidth * (i + 0.5);
    const text = escapeXml(truncate(category, 22));
    parts.push(
      rotate
        ? `<text class="category" x="${cx.toFixed(1)}" y="${baseline + 14}" font-size="12" text-anchor="end" fill="#333333" transform="rotate(-40 ${cx.toFixed(1)} ${baseline + 14})">${text}</text>`
        : `<text class="category" x="${cx.toFixed(1)}" y="${baseline + 20}" font-size="12" text-anchor="middle" fill="#333333">${text}</text>`,
    );
  });

  if (spec.kind === 'bar') {
    const barWidth = Math.min(56, (groupWidth * 0.8) / s);
    spec.series.forEach((series, j) => {
      series.values.forEach((value, i) => {
        if (value === null || !Number.isFinite(value)) return;
        const x = MARGIN.left + groupWidth * i + (groupWidth - barWidth * s) / 2 + barWidth * j;
        const height = baseline - y(value);
        parts.push(
          `<rect class="bar" data-series="${j}" data-category="${i}" data-value="${value}" x="${x.toFixed(2)}" y="${(baseline - height).toFixed(3)}" width="${(barWidth - 2).toFixed(2)}" height="${height.toFixed(3)}" fill="${COLORS[j % COLORS.length]}"/>`,
        );
        if (showValues) {
          parts.push(`<text class="value" x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(baseline - height - 5).toFixed(1)}" font-size="11" text-anchor="middle" fill="#222222">${escapeXml(label(value))}</text>`);
        }
      });
    });
  } else {
    spec.series.forEach((series, j) => {
      const color = COLORS[j % COLORS.length];
      const points = series.values
        .map((value, i) => (value === null || !Number.isFinite(value) ? null : { x: MARGIN.left + groupWidth * (i + 0.5), y: y(value), value, i }))
        .filter((p): p is { x: number; y: number; value: number; i: number } => p !== null);
      if (points.length > 1) {
        parts.push(`<polyline class="line" data-series="${j}" fill="none" stroke="${color}" stroke-width="2.5" points="${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}"/>`);
      }
      for (const p of points) {
        parts.push(`<circle class="point" data-series="${j}" data-category="${p.i}" data-value="${p.value}" cx="${p.x.toFixed(2)}" cy="${p.y.toFixed(3)}" r="3.5" fill="${color}"/>`);
        if (showValues) {
          parts.push(`<text class="value" x="${p.x.toFixed(1)}" y="${(p.y - 8).toFixed(1)}" font-size="11" text-anchor="middle" fill="#222222">${escapeXml(label(p.value))}</text>`);
        }
      }
    });
  }
  // Legend for several series.
  if (s > 1) {
    let lx = MARGIN.left;
    spec.series.forEach((series, j) => {
      const name = escapeXml(truncate(series.name, 28));
      parts.push(`<rect class="legend" x="${lx}" y="${MARGIN.top - 12}" width="12" height="12" fill="${COLORS[j % COLORS.length]}"/>`);
      parts.push(`<text x="${lx + 16}" y="${MARGIN.top - 2}" font-size="12" fill="#333333">${name}</text>`);
      lx += 16 + Math.min(28, series.name.length) * 7 + 18;
    });
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" font-family="${FONT_FAMILY}">\n${parts.join('\n')}\n</svg>`;
  return { svg, width, height: HEIGHT };
}

/** The chart as PNG (and the SVG it was drawn from). */
export function renderChartPng(spec: ChartSpec): ChartImage {
  const { svg, width, height } = renderChartSvg(spec);
  const png = new Resvg(svg, options()).render().asPng();
  return { png, svg, width, height };
}

/**
 * A chart of a report: categories along the first grouping (organisations in the national roll-up),
 * one series per value of the second grouping, or the period and its comparison.
 */
export function chartSpecFromResult(result: ReportResult, locale: Locale): ChartSpec {
  const { query } = result;
  const [first, second] = result.dimensions;
  const title = reportTitle(result, locale);
  const kind = query.chart === 'line' || (query.chart === 'none' && TIME_GROUPS.includes(first as GroupBy)) ? 'line' : 'bar';
  const percent = SHARE_METRICS.includes(query.metric);
  const decimals = query.metric === 'hours' ? 1 : 0;
  if (!first) {
    const series: ChartSeries[] = [{ name: formatPeriod(result.period, locale), values: [result.rows[0]?.value ?? 0] }];
    const categories = [metricLabel(query.metric, locale)];
    if (result.comparisonPeriod) {
      return {
        kind: 'bar', title, locale, percent, decimals,
        categories: [formatPeriod(result.comparisonPeriod, locale), formatPeriod(result.period, locale)],
        series: [{ name: metricLabel(query.metric, locale), values: [result.rows[0]?.comparisonValue ?? 0, result.rows[0]?.value ?? 0] }],
      };
    }
    return { kind: 'bar', title, locale, percent, decimals, categories, series };
  }
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  for (const row of result.rows) {
    const key = row.labels[0];
    if (!categoryIndex.has(key)) {
      categoryIndex.set(key, categories.length);
      categories.push(key);
    }
  }
  if (second) {
    const names = [...new Set(result.rows.map((row) => row.labels[1]))];
    const series = names.map((name) => ({ name, values: categories.map(() => null as number | null) }));
    for (const row of result.rows) series[names.indexOf(row.labels[1])].values[categoryIndex.get(row.labels[0]) ?? 0] = row.value;
    return { kind, title, locale, percent, decimals, categories, series: series.slice(0, COLORS.length) };
  }
  const series: ChartSeries[] = [{ name: formatPeriod(result.period, locale), values: result.rows.map((row) => row.value) }];
  if (result.comparisonPeriod) {
    series.push({ name: formatPeriod(result.comparisonPeriod, locale), values: result.rows.map((row) => row.comparisonValue) });
  }
  return { kind, title, locale, percent, decimals, categories, series };
}

/** The PNG of a report's chart. */
export function renderReportChart(result: ReportResult, locale: Locale): ChartImage {
  return renderChartPng(chartSpecFromResult(result, locale));
}
