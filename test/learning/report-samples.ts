// Sample report data for the chart tests and for looking at the charts (`npx tsx test/learning/render-samples.ts`).
import type { ConceptAccuracy, MemberChartData, TeamReportData } from '../../src/learning/report-data.js';

const conceptNames = [
  '프로세스 (Process)',
  '스레드 (Thread)',
  '컨텍스트 스위칭 (Context Switching)',
  '교착 상태 (Deadlock)',
  '컨테이너 (Container)',
  '도커 (Docker)',
  '쿠버네티스 (Kubernetes)',
  '커밋 (Commit)',
  '브랜치 (Branch)',
  '병합 (Merge)',
  '리베이스 (Rebase)',
  'VPN',
  'DNS',
  '로드 밸런서 (Load Balancer)',
  '프록시 (Proxy)',
  '방화벽 (Firewall)',
  'TCP 3-way 핸드셰이크',
  'UDP',
  '캐시 메모리 (Cache Memory)',
  '가상 메모리와 페이지 교체 알고리즘 (Virtual Memory and Page Replacement Algorithms)',
  '트랜잭션 격리 수준 (Isolation Level)',
  '인덱스 (Index)',
  '정규화 (Normalization)',
  '세마포어 (Semaphore)',
  '뮤텍스 (Mutex)',
  'HTTP/2',
  'TLS 핸드셰이크',
  'OAuth 2.0',
  'JWT',
  '세션과 쿠키',
  '해시 테이블 (Hash Table)',
  '힙 (Heap)',
  '트라이 (Trie)',
  '그래프 탐색 (BFS/DFS)',
  '다익스트라 (Dijkstra)',
  '동적 계획법 (Dynamic Programming)',
  '분할 정복',
  '이진 탐색',
  '스택과 큐',
  '연결 리스트',
];

const memberNames = ['김민수', '이지은', '박서준', 'Alex Kim', '최유나', '정하늘', '한도윤', '오세린', 'Sam', '윤지호', '강예린', '조은우'];

export function sampleConcepts(count: number): ConceptAccuracy[] {
  return Array.from({ length: count }, (_, i) => {
    const answers = 4 + ((i * 7) % 11);
    return {
      conceptId: `c${i}`,
      name: conceptNames[i % conceptNames.length]!,
      answers,
      correctAnswers: Math.round(answers * (((i * 37) % 100) / 100)),
    };
  });
}

export function sampleTeamReport(conceptCount = 14): TeamReportData {
  return {
    teamName: '백엔드 스터디',
    weekStart: '2026-11-23',
    weekEnd: '2026-11-29',
    activeMembers: 11,
    participation: [
      { date: '2026-11-23', members: 9, answers: 21 },
      { date: '2026-11-24', members: 7, answers: 18 },
      { date: '2026-11-25', members: 10, answers: 26 },
      { date: '2026-11-26', members: 6, answers: 12 },
      { date: '2026-11-27', members: 8, answers: 19 },
      { date: '2026-11-28', members: 2, answers: 3 },
      { date: '2026-11-29', members: 0, answers: 0 },
    ],
    concepts: sampleConcepts(conceptCount),
    dueByMember: memberNames.map((memberName, i) => ({ memberName, due: (i * 5) % 13 })),
    improvements: memberNames
      .slice(0, 6)
      .map((memberName, i) => ({ memberName, recallBefore: 0.3 + i * 0.05, recallNow: 0.45 + ((i * 13) % 30) / 100 })),
  };
}

export function sampleMemberChart(conceptCount = 20): MemberChartData {
  return {
    memberName: '이지은',
    date: '2026-12-01',
    concepts: Array.from({ length: conceptCount }, (_, i) => {
      const seen = i % 6 !== 5;
      const recall = seen ? ((i * 29) % 100) / 100 : 0;
      return { conceptId: `c${i}`, name: conceptNames[i % conceptNames.length]!, recall, seen, due: seen && recall < 0.6 };
    }),
  };
}
