// The weekly team report and a member's chart as PNG images, drawn with skia (@napi-rs/canvas) from plain data.
// Fixed layouts: the team report is always the same size (Discord shows it the same every week); the member
// chart grows with the concept count up to a cap, so one concept and forty both read well.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { chartFont, registerChartFonts } from './chart-fonts.js';
import {
  accuracyOf,
  rankConceptsWeakestFirst,
  rankImprovements,
  rankMembersByDue,
  rankRetentionWeakestFirst,
  teamAccuracy,
  totalAnswers,
  type MemberChartData,
  type ReportLanguage,
  type TeamReportData,
} from './report-data.js';
import { gainPoints, memberTotals, reportLabels, shortDate, weekdayOf, type ReportLabels } from './report-text.js';

/** Colours: one accent, and a red–amber–green scale that stays apart for red–green colour blindness by lightness. */
const colours = {
  page: '#f3f4f7',
  panel: '#ffffff',
  border: '#e1e4ea',
  title: '#1d2330',
  text: '#2f3747',
  muted: '#6b7385',
  track: '#eceef3',
  accent: '#4f6bd8',
  accentLight: '#c8d2f4',
  low: '#d64545',
  middle: '#e8a33a',
  high: '#2f9e6e',
} as const;

export const teamReportSize = { width: 1200, height: 1000 } as const;

const padding = 40;
const gap = 30;
const panelTitleHeight = 56;
const columnWidth = (teamReportSize.width - 2 * padding - gap) / 2;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The weekly team report as a PNG. */
export function renderTeamReport(data: TeamReportData, language: ReportLanguage): Buffer {
  registerChartFonts();
  const labels = reportLabels(language);
  const canvas = createCanvas(teamReportSize.width, teamReportSize.height);
  const ctx = canvas.getContext('2d');
  ctx.lang = language;
  fillBackground(ctx, teamReportSize.width, teamReportSize.height);

  drawText(ctx, labels.teamTitle(data.teamName), padding, 64, {
    size: 34,
    weight: 700,
    colour: colours.title,
    maxWidth: teamReportSize.width - 2 * padding,
  });
  drawSubtitle(
    ctx,
    labels.period(data.weekStart, data.weekEnd),
    labels.headline(data.activeMembers, totalAnswers(data), teamAccuracy(data)),
    104,
    teamReportSize.width,
  );

  const top = 140;
  const topHeight = 330;
  const bottom = top + topHeight + gap;
  const bottomHeight = teamReportSize.height - bottom - padding;
  const left = padding;
  const right = padding + columnWidth + gap;
  drawParticipation(ctx, data, language, labels, panel(ctx, { x: left, y: top, width: columnWidth, height: topHeight }, labels.participation));
  drawDue(ctx, data, labels, panel(ctx, { x: right, y: top, width: columnWidth, height: topHeight }, labels.due));
  drawAccuracy(ctx, data, labels, panel(ctx, { x: left, y: bottom, width: columnWidth, height: bottomHeight }, labels.accuracy));
  drawImprovements(ctx, data, labels, panel(ctx, { x: right, y: bottom, width: columnWidth, height: bottomHeight }, labels.improved));
  return canvas.toBuffer('image/png');
}

const memberChart = { width: 1000, header: 150, rowHeight: 30, footer: 40, maxRows: 40 } as const;

/** The member chart's size for a number of concepts (rows are capped; the rest are counted in a last line). */
export function memberChartSize(concepts: number): { width: number; height: number } {
  const rows = Math.max(1, Math.min(concepts, memberChart.maxRows)) + (concepts > memberChart.maxRows ? 1 : 0);
  return { width: memberChart.width, height: memberChart.header + rows * memberChart.rowHeight + memberChart.footer };
}

/** A member's memory of each concept (FSRS recall now), weakest first, as a PNG. */
export function renderMemberChart(data: MemberChartData, language: ReportLanguage): Buffer {
  registerChartFonts();
  const labels = reportLabels(language);
  const size = memberChartSize(data.concepts.length);
  const canvas = createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  ctx.lang = language;
  fillBackground(ctx, size.width, size.height);
  const { seen, meanRecall, due } = memberTotals(data);
  drawText(ctx, labels.memberTitle(data.memberName), padding, 62, {
    size: 30,
    weight: 700,
    colour: colours.title,
    maxWidth: size.width - 2 * padding,
  });
  drawSubtitle(ctx, data.date, labels.memberHeadline(seen, data.concepts.length, meanRecall, due), 100, size.width);
  const box = panel(
    ctx,
    { x: padding - 16, y: memberChart.header - 24, width: size.width - 2 * padding + 32, height: size.height - memberChart.header - 4 },
    null,
  );
  if (data.concepts.length === 0) {
    drawText(ctx, labels.noConcepts, box.x + 16, box.y + 40, { size: 18, colour: colours.muted });
    return canvas.toBuffer('image/png');
  }
  const ranked = rankRetentionWeakestFirst(data.concepts);
  const shown = ranked.slice(0, memberChart.maxRows);
  const layout = { x: padding, width: size.width - 2 * padding, nameWidth: 300, valueWidth: 110 };
  shown.forEach((concept, i) => {
    const y = memberChart.header + i * memberChart.rowHeight;
    drawText(ctx, concept.name, layout.x, y + 20, { size: 17, colour: colours.text, maxWidth: layout.nameWidth - 12 });
    const barX = layout.x + layout.nameWidth;
    const barWidth = layout.width - layout.nameWidth - layout.valueWidth;
    if (!concept.seen) {
      drawBar(ctx, barX, y + 7, barWidth, 16, 0, colours.track);
      drawText(ctx, labels.notSeen, barX + 10, y + 19, { size: 13, colour: colours.muted });
    } else {
      drawBar(ctx, barX, y + 7, barWidth, 16, concept.recall, scaleColour(concept.recall));
    }
    drawText(ctx, concept.seen ? `${Math.round(concept.recall * 100)}%` : '–', barX + barWidth + 12, y + 21, {
      size: 17,
      weight: 700,
      colour: colours.text,
    });
    if (concept.due) drawBadge(ctx, labels.dueBadge, layout.x + layout.width, y + 4);
  });
  if (ranked.length > shown.length) {
    drawText(ctx, labels.moreConcepts(ranked.length - shown.length), layout.x, memberChart.header + shown.length * memberChart.rowHeight + 20, {
      size: 16,
      colour: colours.muted,
    });
  }
  return canvas.toBuffer('image/png');
}

function drawParticipation(ctx: SKRSContext2D, data: TeamReportData, language: ReportLanguage, labels: ReportLabels, box: Box): void {
  const days = data.participation;
  if (days.length === 0 || days.every((day) => day.answers === 0)) {
    drawText(ctx, labels.noAnswers, box.x, box.y + 30, { size: 18, colour: colours.muted });
    return;
  }
  const peak = Math.max(1, ...days.map((day) => day.members));
  const labelSpace = 72;
  const valueSpace = 26;
  const chartHeight = box.height - labelSpace - valueSpace;
  const slot = box.width / days.length;
  const barWidth = Math.min(44, slot * 0.6);
  days.forEach((day, i) => {
    const centre = box.x + slot * i + slot / 2;
    const height = (day.members / peak) * chartHeight;
    const baseline = box.y + valueSpace + chartHeight;
    ctx.fillStyle = day.members > 0 ? colours.accent : colours.track;
    roundedRect(ctx, centre - barWidth / 2, baseline - Math.max(height, 3), barWidth, Math.max(height, 3), 5);
    ctx.fill();
    drawText(ctx, labels.membersUnit(day.members), centre, baseline - height - 8, { size: 16, weight: 700, colour: colours.text, align: 'center' });
    drawText(ctx, weekdayOf(day.date, language), centre, baseline + 24, {
      size: 16,
      weight: 700,
      colour: colours.text,
      align: 'center',
      maxWidth: slot - 4,
    });
    drawText(ctx, shortDate(day.date), centre, baseline + 44, { size: 14, colour: colours.text, align: 'center', maxWidth: slot - 4 });
    drawText(ctx, labels.answersSmall(day.answers), centre, baseline + 63, { size: 13, colour: colours.muted, align: 'center', maxWidth: slot - 4 });
  });
}

function drawAccuracy(ctx: SKRSContext2D, data: TeamReportData, labels: ReportLabels, box: Box): void {
  const ranked = rankConceptsWeakestFirst(data.concepts);
  if (ranked.length === 0) {
    drawText(ctx, labels.noAnswers, box.x, box.y + 30, { size: 18, colour: colours.muted });
    return;
  }
  const rows = listRows(box, 34, ranked.length);
  ranked.slice(0, rows.shown).forEach((concept, i) => {
    const accuracy = accuracyOf(concept);
    drawRow(ctx, box, rows.y(i), {
      name: concept.name,
      value: `${Math.round(accuracy * 100)}%`,
      detail: labels.accuracyValue(concept.correctAnswers, concept.answers),
      fraction: accuracy,
      colour: scaleColour(accuracy),
    });
  });
  if (rows.hidden > 0) drawText(ctx, labels.moreConcepts(rows.hidden), box.x, rows.y(rows.shown) + 20, { size: 15, colour: colours.muted });
}

function drawDue(ctx: SKRSContext2D, data: TeamReportData, labels: ReportLabels, box: Box): void {
  const ranked = rankMembersByDue(data.dueByMember);
  if (ranked.length === 0 || ranked.every((member) => member.due === 0)) {
    drawText(ctx, labels.noDue, box.x, box.y + 30, { size: 18, colour: colours.muted });
    return;
  }
  const peak = Math.max(1, ...ranked.map((member) => member.due));
  const rows = listRows(box, 30, ranked.length);
  ranked.slice(0, rows.shown).forEach((member, i) => {
    drawRow(ctx, box, rows.y(i), {
      name: member.memberName,
      value: labels.dueValue(member.due),
      fraction: member.due / peak,
      colour: colours.accent,
    });
  });
  if (rows.hidden > 0) drawText(ctx, labels.moreMembers(rows.hidden), box.x, rows.y(rows.shown) + 20, { size: 15, colour: colours.muted });
}

function drawImprovements(ctx: SKRSContext2D, data: TeamReportData, labels: ReportLabels, box: Box): void {
  const ranked = rankImprovements(data.improvements).slice(0, 8);
  if (ranked.length === 0) {
    drawText(ctx, labels.noImprovement, box.x, box.y + 30, { size: 18, colour: colours.muted });
    return;
  }
  const rowHeight = 48;
  const nameWidth = 170;
  const valueWidth = 90;
  ranked.forEach((member, i) => {
    const y = box.y + i * rowHeight;
    if (y + rowHeight > box.y + box.height) return;
    drawText(ctx, member.memberName, box.x, y + 24, { size: 17, weight: i === 0 ? 700 : 400, colour: colours.text, maxWidth: nameWidth - 12 });
    const barX = box.x + nameWidth;
    const barWidth = box.width - nameWidth - valueWidth;
    // Two bars on one track: a week ago (light) under now (accent), so the gain is the visible difference.
    drawBar(ctx, barX, y + 10, barWidth, 18, member.recallNow, colours.accent);
    ctx.fillStyle = colours.accentLight;
    roundedRect(ctx, barX, y + 10, Math.max(4, barWidth * member.recallBefore), 18, 5);
    ctx.fill();
    drawText(ctx, labels.gain(gainPoints(member.recallBefore, member.recallNow)), barX + barWidth + 12, y + 25, {
      size: 17,
      weight: 700,
      colour: colours.high,
    });
    drawText(ctx, `${Math.round(member.recallBefore * 100)}% → ${Math.round(member.recallNow * 100)}%`, barX, y + 44, {
      size: 12,
      colour: colours.muted,
    });
  });
}

interface RowContent {
  name: string;
  value: string;
  detail?: string;
  fraction: number;
  colour: string;
}

const rowLayout = { nameWidth: 190, valueWidth: 110 } as const;

function drawRow(ctx: SKRSContext2D, box: Box, y: number, row: RowContent): void {
  drawText(ctx, row.name, box.x, y + 19, { size: 16, colour: colours.text, maxWidth: rowLayout.nameWidth - 12 });
  const barX = box.x + rowLayout.nameWidth;
  const barWidth = box.width - rowLayout.nameWidth - rowLayout.valueWidth;
  drawBar(ctx, barX, y + 6, barWidth, 16, row.fraction, row.colour);
  drawText(ctx, row.value, barX + barWidth + 10, y + 20, { size: 16, weight: 700, colour: colours.text });
  if (row.detail) drawText(ctx, row.detail, box.x + box.width, y + 20, { size: 13, colour: colours.muted, align: 'right' });
}

/** How many rows fit in a panel, keeping one line for "+N more" when some do not. */
function listRows(box: Box, rowHeight: number, count: number): { shown: number; hidden: number; y: (i: number) => number } {
  const fit = Math.floor(box.height / rowHeight);
  const shown = count <= fit ? count : Math.max(0, fit - 1);
  return { shown, hidden: count - shown, y: (i) => box.y + i * rowHeight };
}

/** A white card with an optional title; returns the area inside it for content. */
function panel(ctx: SKRSContext2D, box: Box, title: string | null): Box {
  ctx.fillStyle = colours.panel;
  roundedRect(ctx, box.x, box.y, box.width, box.height, 14);
  ctx.fill();
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 1;
  ctx.stroke();
  const inset = 22;
  if (title === null) return { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset };
  drawText(ctx, title, box.x + inset, box.y + 38, { size: 21, weight: 700, colour: colours.title, maxWidth: box.width - 2 * inset });
  return { x: box.x + inset, y: box.y + panelTitleHeight, width: box.width - 2 * inset, height: box.height - panelTitleHeight - inset };
}

function drawBar(ctx: SKRSContext2D, x: number, y: number, width: number, height: number, fraction: number, colour: string): void {
  ctx.fillStyle = colours.track;
  roundedRect(ctx, x, y, width, height, height / 2);
  ctx.fill();
  const filled = Math.max(0, Math.min(1, fraction)) * width;
  if (filled <= 0) return;
  ctx.fillStyle = colour;
  roundedRect(ctx, x, y, Math.max(filled, height), height, height / 2);
  ctx.fill();
}

function drawBadge(ctx: SKRSContext2D, text: string, rightX: number, y: number): void {
  ctx.font = chartFont(13, 700);
  const width = ctx.measureText(text).width + 16;
  ctx.fillStyle = colours.low;
  roundedRect(ctx, rightX - width, y + 2, width, 20, 10);
  ctx.fill();
  drawText(ctx, text, rightX - width / 2, y + 17, { size: 13, weight: 700, colour: '#ffffff', align: 'center' });
}

/** A muted date, then the headline numbers in text colour: two things, visibly apart. */
function drawSubtitle(ctx: SKRSContext2D, date: string, headline: string, y: number, width: number): void {
  drawText(ctx, date, padding, y, { size: 20, colour: colours.muted });
  const dateWidth = ctx.measureText(date).width;
  const x = padding + dateWidth + 28;
  drawText(ctx, headline, x, y, { size: 20, weight: 700, colour: colours.text, maxWidth: width - padding - x });
}

function fillBackground(ctx: SKRSContext2D, width: number, height: number): void {
  ctx.fillStyle = colours.page;
  ctx.fillRect(0, 0, width, height);
}

/** Low recall or accuracy in red, middling in amber, good in green. */
function scaleColour(fraction: number): string {
  if (fraction < 0.5) return colours.low;
  if (fraction < 0.75) return colours.middle;
  return colours.high;
}

interface TextStyle {
  size: number;
  weight?: 400 | 700;
  colour: string;
  align?: 'left' | 'center' | 'right';
  /** Longer text is cut with an ellipsis: a long concept name must not run into its bar. */
  maxWidth?: number;
}

function drawText(ctx: SKRSContext2D, text: string, x: number, y: number, style: TextStyle): void {
  ctx.font = chartFont(style.size, style.weight ?? 400);
  ctx.fillStyle = style.colour;
  ctx.textAlign = style.align ?? 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(style.maxWidth === undefined ? text : fitText(ctx, text, style.maxWidth), x, y);
}

/** The longest start of `text` (whole characters, never half a surrogate pair) that fits, with "…" if cut. */
export function fitText(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, maxWidth: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (ctx.measureText(oneLine).width <= maxWidth) return oneLine;
  const characters = [...oneLine];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (ctx.measureText(characters.slice(0, middle).join('').trimEnd() + '…').width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return characters.slice(0, low).join('').trimEnd() + '…';
}

function roundedRect(ctx: SKRSContext2D, x: number, y: number, width: number, height: number, radius: number): void {
  const r = Math.min(radius, width / 2, height / 2);
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, r);
}
