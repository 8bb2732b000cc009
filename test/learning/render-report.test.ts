import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { chartFont, registerChartFonts } from '../../src/learning/chart-fonts.js';
import { fitText, memberChartSize, renderMemberChart, renderTeamReport, teamReportSize } from '../../src/learning/render-report.js';
import { describeMemberChart, describeTeamReport, summarizeTeamReport } from '../../src/learning/report-text.js';
import { sampleMemberChart, sampleTeamReport } from './report-samples.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The pixels of one character drawn black on white with the chart fonts. */
function glyphPixels(character: string): Uint8ClampedArray {
  registerChartFonts();
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = '#000000';
  ctx.font = chartFont(40);
  ctx.fillText(character, 8, 48);
  return ctx.getImageData(0, 0, 64, 64).data;
}

const inked = (pixels: Uint8ClampedArray) => pixels.filter((value, i) => i % 4 === 0 && value < 128).length;
const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.filter((value, i) => Math.abs(value - b[i]!) > 64).length;

describe('chart fonts', () => {
  it('Hangul renders as real glyphs, not the box every missing character gets', () => {
    const tofu = glyphPixels('\uE000'); // a private-use character: no font has it, so it shows the missing-glyph box
    const ga = glyphPixels('가');
    const dwaelg = glyphPixels('뛟'); // a rare syllable: the font must cover all of Hangul, not just common ones
    expect(inked(ga)).toBeGreaterThan(50);
    expect(differing(ga, tofu)).toBeGreaterThan(50);
    expect(differing(dwaelg, tofu)).toBeGreaterThan(50);
    // Two different syllables drawn as one and the same box would be tofu too.
    expect(differing(ga, dwaelg)).toBeGreaterThan(50);
  });

  it('a long name is cut with an ellipsis to fit, a short one is left whole', () => {
    registerChartFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = chartFont(16);
    const long = '가상 메모리와 페이지 교체 알고리즘 (Virtual Memory and Page Replacement Algorithms)';
    const cut = fitText(ctx, long, 200);
    expect(cut.endsWith('…')).toBe(true);
    expect(ctx.measureText(cut).width).toBeLessThanOrEqual(200);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(fitText(ctx, 'DNS', 200)).toBe('DNS');
  });
});

describe('the weekly team report image', () => {
  it('is a PNG of the fixed report size, for 1, 14 and 40 concepts and with nothing to show', () => {
    for (const report of [sampleTeamReport(1), sampleTeamReport(14), sampleTeamReport(40)]) {
      expect(pngSize(renderTeamReport(report, 'ko'))).toEqual(teamReportSize);
    }
    const empty = { ...sampleTeamReport(0), participation: [], dueByMember: [], improvements: [], activeMembers: 0 };
    expect(pngSize(renderTeamReport(empty, 'en'))).toEqual(teamReportSize);
  });

  it('the description names the key numbers: participation, weakest concepts, due, most improved', () => {
    const report = sampleTeamReport(14);
    const text = describeTeamReport(report, 'ko');
    expect(text).toContain('참여 11명 · 답변 99개 · 정답률 45%');
    expect(text).toContain('월 9명, 화 7명, 수 10명, 목 6명, 금 8명, 토 2명, 일 0명');
    expect(text).toContain('교착 상태 (Deadlock) 14% (2/14)');
    expect(text).toContain('정하늘 12개');
    expect(text).toContain('박서준 40%→71%');
    expect(describeTeamReport(report, 'en')).toContain('Members answering per day: Mon 9, Tue 7, Wed 10');
  });

  it('the description stays within Discord’s 1024 characters, in whole sentences', () => {
    const longNames = sampleTeamReport(40);
    const report = { ...longNames, concepts: longNames.concepts.map((c) => ({ ...c, name: `${c.name} ${'아주 긴 이름 '.repeat(20)}` })) };
    const text = describeTeamReport(report, 'ko');
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(text.endsWith('.')).toBe(true);
  });

  it('the summary gives the week, the headline, the weakest concept and the most improved', () => {
    expect(summarizeTeamReport(sampleTeamReport(14), 'ko').split('\n')).toEqual([
      '백엔드 스터디 주간 학습 리포트 (2026-11-23 – 2026-11-29)',
      '참여 11명 · 답변 99개 · 정답률 45%',
      '가장 약한 개념: VPN (0%) · 가장 성장한 멤버: 박서준 (+31%p)',
    ]);
  });
});

describe('a member’s chart', () => {
  it('grows with the concepts up to a cap, and is a PNG of that size', () => {
    expect(memberChartSize(1).height).toBeLessThan(memberChartSize(20).height);
    expect(memberChartSize(45).height).toBe(memberChartSize(400).height);
    for (const count of [0, 1, 20, 45]) expect(pngSize(renderMemberChart(sampleMemberChart(count), 'ko'))).toEqual(memberChartSize(count));
  });

  it('the description gives what was studied, the mean recall, what is due and the weakest and strongest', () => {
    const text = describeMemberChart(sampleMemberChart(20), 'ko');
    expect(text).toContain('20개 중 17개 학습 · 평균 기억률 38% · 복습할 개념 11개');
    expect(text).toContain('가장 약한 개념: 프로세스 (Process) 0%, 커밋 (Commit) 3%');
    expect(text).toContain('가장 강한 개념: 리베이스 (Rebase) 90%');
  });
});
