// Renders the sample charts to a folder so a person can look at them: `npx tsx test/learning/render-samples.ts [dir]`.
import fs from 'node:fs';
import path from 'node:path';
import { renderMemberChart, renderTeamReport } from '../../src/learning/render-report.js';
import { describeMemberChart, describeTeamReport, summarizeTeamReport } from '../../src/learning/report-text.js';
import { sampleMemberChart, sampleTeamReport } from './report-samples.js';

const directory = process.argv[2] ?? '/tmp/concept-bot-charts';
fs.mkdirSync(directory, { recursive: true });
const team = sampleTeamReport();
const write = (name: string, png: Buffer) => fs.writeFileSync(path.join(directory, name), png);
write('team-report-ko.png', renderTeamReport(team, 'ko'));
write('team-report-en.png', renderTeamReport(team, 'en'));
write('team-report-1-concept.png', renderTeamReport({ ...sampleTeamReport(1), dueByMember: [], improvements: [] }, 'ko'));
write('team-report-40-concepts.png', renderTeamReport(sampleTeamReport(40), 'ko'));
write('member-chart-ko.png', renderMemberChart(sampleMemberChart(20), 'ko'));
write('member-chart-1.png', renderMemberChart(sampleMemberChart(1), 'en'));
write('member-chart-45.png', renderMemberChart(sampleMemberChart(45), 'ko'));
process.stdout.write(
  `${summarizeTeamReport(team, 'ko')}\n\n${describeTeamReport(team, 'ko')}\n\n${describeMemberChart(sampleMemberChart(20), 'ko')}\n`,
);
process.stdout.write(`wrote ${directory}\n`);
