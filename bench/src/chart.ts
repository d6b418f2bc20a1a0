import { BenchReport, TARGETS, scaleCurve } from './report';

/**
 * A hand-written SVG (no chart library): left, the scale curve (latency at 1 connection against
 * the number of tasks, log scale, API solid and baseline dashed); right, the API/baseline
 * req/s ratio of every request at 16 connections, with its target (if it has one) marked.
 */
const WIDTH = 1010;
const HEIGHT = 470;
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2'];
const PANEL = {
  top: 50,
  bottom: 330,
  curveLeft: 60,
  curveRight: 440,
  barsLeft: 560,
  barsRight: 930,
};

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderChart(report: BenchReport): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    ...scalePanel(report),
    ...ratioPanel(report),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

function scalePanel(report: BenchReport): string[] {
  const curve = scaleCurve(report);
  const sizes = report.sizes.map((s) => s.size);
  const maxMs = Math.max(
    1,
    ...curve.flatMap(({ points }) => points.flatMap((p) => [p.api.meanMs, p.baseline.meanMs])),
  );
  const [minLog, maxLog] = [Math.log10(Math.min(...sizes)), Math.log10(Math.max(...sizes))];
  const x = (size: number) =>
    maxLog === minLog
      ? (PANEL.curveLeft + PANEL.curveRight) / 2
      : PANEL.curveLeft +
        ((Math.log10(size) - minLog) / (maxLog - minLog)) * (PANEL.curveRight - PANEL.curveLeft);
  const y = (value: number) => PANEL.bottom - (value / (maxMs * 1.1)) * (PANEL.bottom - PANEL.top);
  const out = [
    `<text x="${PANEL.curveLeft}" y="25" font-size="14" font-weight="bold">Latency at 1 connection (mean ms) vs tasks</text>`,
    ...axes(PANEL.curveLeft, PANEL.curveRight),
    ...ticks(maxMs * 1.1, PANEL.curveLeft, y),
    ...sizes.map(
      (size) =>
        `<text x="${x(size)}" y="${PANEL.bottom + 15}" text-anchor="middle">${size.toLocaleString('en')}</text>`,
    ),
  ];
  curve.forEach(({ scenario, points }, i) => {
    const color = COLORS[i % COLORS.length];
    for (const [side, dash] of [
      ['api', ''],
      ['baseline', ' stroke-dasharray="4 3"'],
    ] as const) {
      const coords = points.map((p) => `${x(p.size).toFixed(1)},${y(p[side].meanMs).toFixed(1)}`);
      out.push(
        `<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${coords.join(' ')}"/>`,
      );
      out.push(
        ...coords.map(
          (c) => `<circle cx="${c.split(',')[0]}" cy="${c.split(',')[1]}" r="3" fill="${color}"/>`,
        ),
      );
    }
    out.push(
      `<text x="${PANEL.curveLeft}" y="${PANEL.bottom + 32 + i * 14}" fill="${color}">${escape(scenario)} (solid API, dashed baseline)</text>`,
    );
  });
  return out;
}

function ratioPanel(report: BenchReport): string[] {
  const cells = (report.sizes.find((s) => s.size === report.matrixSize)?.cells ?? []).filter(
    (c) => c.connections === 16,
  );
  const maxRatio = Math.max(1.2, ...cells.map((c) => c.ratio));
  const y = (value: number) => PANEL.bottom - (value / maxRatio) * (PANEL.bottom - PANEL.top);
  const slot = (PANEL.barsRight - PANEL.barsLeft) / Math.max(1, cells.length);
  const out = [
    `<text x="${PANEL.barsLeft - 40}" y="25" font-size="14" font-weight="bold">API ÷ baseline req/s, 16 connections, ${report.matrixSize.toLocaleString('en')} tasks</text>`,
    ...axes(PANEL.barsLeft, PANEL.barsRight),
    ...ticks(maxRatio, PANEL.barsLeft, y),
  ];
  cells.forEach((cell, i) => {
    const left = PANEL.barsLeft + i * slot + slot * 0.15;
    const color = cell.scenario.startsWith('GET') ? '#1f77b4' : '#ff7f0e';
    out.push(
      `<rect x="${left.toFixed(1)}" y="${y(cell.ratio).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${(PANEL.bottom - y(cell.ratio)).toFixed(1)}" fill="${color}"/>`,
    );
    out.push(
      `<text x="${(left + slot * 0.35).toFixed(1)}" y="${(y(cell.ratio) - 3).toFixed(1)}" text-anchor="middle">${cell.ratio.toFixed(2)}</text>`,
    );
    const target = TARGETS[cell.scenario];
    if (target) {
      // The target of this request: a black mark across its bar.
      const [x1, x2] = [left - slot * 0.08, left + slot * 0.78];
      out.push(
        `<line x1="${x1.toFixed(1)}" x2="${x2.toFixed(1)}" y1="${y(target.ratio).toFixed(1)}" y2="${y(target.ratio).toFixed(1)}" stroke="black" stroke-width="2"/>`,
        `<text x="${(left + slot * 0.35).toFixed(1)}" y="${(y(target.ratio) + 11).toFixed(1)}" text-anchor="middle" fill="white" font-size="9">≥ ${target.ratio}</text>`,
      );
    }
    const labelX = left + slot * 0.35;
    out.push(
      `<text transform="translate(${labelX.toFixed(1)},${PANEL.bottom + 8}) rotate(35)" font-size="9">${escape(shortName(cell.scenario))}</text>`,
    );
  });
  return out;
}

const shortName = (scenario: string): string =>
  scenario
    .replace('GET /tasks?tags=popular,rare&tagMatch=all', 'GET tag filter')
    .replace('?cursor=<deep page>', ' deep page');

function axes(left: number, right: number): string[] {
  return [
    `<line x1="${left}" x2="${left}" y1="${PANEL.top}" y2="${PANEL.bottom}" stroke="black"/>`,
    `<line x1="${left}" x2="${right}" y1="${PANEL.bottom}" y2="${PANEL.bottom}" stroke="black"/>`,
  ];
}

function ticks(max: number, left: number, y: (value: number) => number): string[] {
  const step = niceStep(max / 5);
  const out: string[] = [];
  for (let value = 0; value <= max; value += step) {
    out.push(
      `<line x1="${left - 4}" x2="${left}" y1="${y(value)}" y2="${y(value)}" stroke="black"/>`,
    );
    out.push(
      `<text x="${left - 6}" y="${y(value) + 4}" text-anchor="end">${Number(value.toFixed(2))}</text>`,
    );
  }
  return out;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw;
}
