import { describe, expect, it } from 'vitest';
import { findUnaskableConcepts, generateQuestion, sampleQuestion } from '../../src/quiz/generate-question.js';
import { createRandom } from '../../src/quiz/seeded-random.js';
import { buildSharedNoteKnowledgeBase, fillerConcepts, makeKnowledgeBase, type ConceptSpec } from './quiz-test-kit.js';

const docker: ConceptSpec = {
  names: ['도커', 'Docker'],
  statements: [
    'DOCKER는 리눅스의 응용 프로그램들을 소프트웨어 컨테이너 안에 배치시키는 일을 자동화하는 오픈 소스 프로젝트이다.',
    '도커 컨테이너는 어떤 소프트웨어의 실행에 필요한 모든 것을 포함하고 감싼다.',
  ],
  boldTerms: ['컨테이너'],
};

function questionsOver(seeds: number, make: (seed: number) => ReturnType<typeof generateQuestion>) {
  return Array.from({ length: seeds }, (_, seed) => make(seed)).filter((question) => question !== null);
}

describe('which-concept questions', () => {
  const kb = makeKnowledgeBase({ 'it/network': fillerConcepts(), 'it/containers': [docker] });

  it('mask every name of the answer, in either language and inside compounds', () => {
    const questions = questionsOver(30, (seed) => generateQuestion(kb, 'it/containers/docker', createRandom(seed), 'which-concept'));
    expect(questions).toHaveLength(30);
    for (const question of questions) {
      expect(question.prompt).toContain('＿＿＿');
      expect(question.prompt.toLowerCase()).not.toMatch(/도커|docker/);
    }
    expect(questions.some((question) => question.prompt.includes('＿＿＿ 컨테이너는'))).toBe(true);
  });

  it('offer the labels of four concepts with the answer among them', () => {
    const question = generateQuestion(kb, 'it/containers/docker', createRandom(3), 'which-concept')!;
    expect(question.kind).toBe('which-concept');
    expect(question.options).toHaveLength(4);
    expect(new Set(question.options).size).toBe(4);
    expect(question.options[question.answer]).toBe('도커 (Docker)');
    expect(question.optionConceptIds?.[question.answer]).toBe('it/containers/docker');
    expect(question.optionConceptIds?.filter((id) => id === 'it/containers/docker')).toHaveLength(1);
  });

  it('take wrong answers from the same note first', () => {
    const kbTwoNotes = makeKnowledgeBase({
      'it/network': [
        ...fillerConcepts(),
        { names: ['방화벽', 'Firewall'], statements: ['미리 정한 보안 규칙에 따라 네트워크 트래픽을 허용하거나 차단하는 시스템이다.'] },
      ],
      'it/containers': [
        docker,
        { names: ['쿠버네티스', 'Kubernetes'], statements: ['여러 호스트에 걸쳐 컨테이너의 배치와 스케일링을 자동화하는 플랫폼이다.'] },
      ],
    });
    for (let seed = 0; seed < 40; seed++) {
      const question = generateQuestion(kbTwoNotes, 'it/network/firewall', createRandom(seed), 'which-concept')!;
      const documents = question.optionConceptIds!.map((id) => id!.split('/')[1]);
      expect(documents.every((document) => document === 'network')).toBe(true);
    }
    // The containers note has one other concept: the other two wrong answers come from elsewhere.
    const question = generateQuestion(kbTwoNotes, 'it/containers/docker', createRandom(1), 'which-concept')!;
    expect(question.optionConceptIds).toContain('it/containers/kubernetes');
  });

  it('skip statements that are mostly the name, too short, or hide the name inside a word', () => {
    const kbTricky = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/containers': [
        {
          names: ['도커', 'Docker'],
          aliases: ['도커 엔진', 'Docker Engine'],
          statements: [
            '도커(Docker), 도커 엔진(Docker Engine)이라고도 부른다.',
            '도커는 짧다.',
            'Dockerfile 한 장으로 이미지를 정의해서 만든다.',
            '리눅스 응용 프로그램을 컨테이너 안에 배치하는 일을 자동화한다.',
          ],
        },
      ],
    });
    const prompts = new Set(
      questionsOver(30, (seed) => generateQuestion(kbTricky, 'it/containers/docker', createRandom(seed), 'which-concept')).map(
        (question) => question.prompt,
      ),
    );
    expect([...prompts]).toEqual(['리눅스 응용 프로그램을 컨테이너 안에 배치하는 일을 자동화한다.']);
  });
});

describe('which-concept questions are fair', () => {
  it('never use a sentence that names another concept of the note: it fits that one as well', () => {
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/containers': [
        {
          names: ['도커', 'Docker'],
          statements: [
            '컨테이너에는 코드, 런타임, 시스템 도구, 시스템 라이브러리 등 서버에 설치되는 무엇이든 아우른다.',
            '리눅스 응용 프로그램을 배치하는 일을 자동화하는 오픈 소스 프로젝트이다.',
          ],
        },
        { names: ['컨테이너', 'Container'], statements: ['운영 체제 수준에서 격리된 사용자 공간을 여러 개 두는 가상화 방식이다.'] },
      ],
    });
    const questions = questionsOver(40, (seed) => generateQuestion(kb, 'it/containers/docker', createRandom(seed), 'which-concept'));

    expect(questions.length).toBe(40);
    expect(new Set(questions.map((question) => question.prompt))).toEqual(
      new Set(['리눅스 응용 프로그램을 배치하는 일을 자동화하는 오픈 소스 프로젝트이다.']),
    );
  });

  it('mask each term of a joined name and write neutral particles after masks', () => {
    const kb = makeKnowledgeBase({
      'it/network': [
        ...fillerConcepts(),
        {
          names: ['TCP/IP'],
          slug: 'tcp-ip',
          statements: [
            'TCP는 연결을 맺고 흐름을 조절하는, 인터넷 통신의 기본 프로토콜이다.',
            'IP는 패킷마다 주소를 붙여 목적지까지 가는 길을 찾게 하는 프로토콜이다.',
          ],
        },
      ],
    });
    const prompts = new Set(
      questionsOver(20, (seed) => generateQuestion(kb, 'it/network/tcp-ip', createRandom(seed), 'which-concept')).map((question) => question.prompt),
    );
    expect(prompts).toEqual(
      new Set([
        '＿＿＿은(는) 연결을 맺고 흐름을 조절하는, 인터넷 통신의 기본 프로토콜이다.',
        '＿＿＿은(는) 패킷마다 주소를 붙여 목적지까지 가는 길을 찾게 하는 프로토콜이다.',
      ]),
    );
  });

  it('do not use a sentence that leans on the one before it', () => {
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/containers': [
        {
          names: ['도커', 'Docker'],
          statements: [
            '따라서, 환경에 관계 없이 언제나 동일하게 실행될 것을 보증하는 도구이다.',
            '리눅스 응용 프로그램을 컨테이너 안에 배치하는 일을 자동화하는 오픈 소스 프로젝트이다.',
          ],
        },
      ],
    });
    const prompts = new Set(
      questionsOver(30, (seed) => generateQuestion(kb, 'it/containers/docker', createRandom(seed), 'which-concept')).map(
        (question) => question.prompt,
      ),
    );

    expect([...prompts]).toEqual(['리눅스 응용 프로그램을 컨테이너 안에 배치하는 일을 자동화하는 오픈 소스 프로젝트이다.']);
  });
});

describe('cloze questions', () => {
  const kernel: ConceptSpec = {
    names: ['커널', 'Kernel'],
    statements: ['컴퓨터 운영 체제의 핵심이 되는 컴퓨터 프로그램 중 하나로, 하드웨어와 응용 프로그램을 잇는다.'],
    boldTerms: ['핵심'],
  };

  it('never blank a generic word such as 핵심, 장점 or 방식', () => {
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/os': [
        kernel,
        { names: ['프로세스', 'Process'], statements: ['실행 중인 프로그램으로, 운영 체제로부터 독립된 메모리 공간을 받는다.'], boldTerms: ['커널'] },
      ],
    });
    for (let seed = 0; seed < 20; seed++) expect(generateQuestion(kb, 'it/os/kernel', createRandom(seed), 'cloze')).toBeNull();
  });

  it("blank a key term and offer other terms of the domain, never the concept's own name", () => {
    const scheduler: ConceptSpec = {
      ...kernel,
      statements: ['커널은 하드웨어 자원을 관리하고, 시스템 콜로 응용 프로그램의 요청을 받는다.'],
      boldTerms: ['시스템 콜'],
    };
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/os': [
        scheduler,
        { names: ['프로세스', 'Process'], statements: ['실행 중인 프로그램으로, 운영 체제로부터 독립된 메모리 공간을 받는다.'], boldTerms: ['커널'] },
      ],
    });
    for (let seed = 0; seed < 20; seed++) {
      const question = generateQuestion(kb, 'it/os/kernel', createRandom(seed), 'cloze')!;
      expect(question.prompt).toMatch(/^커널은 하드웨어 자원을 관리하고, ＿＿＿(?:로|\(으\)로) 응용 프로그램의 요청을 받는다\.$/);
      expect(question.options[question.answer]).toBe('시스템 콜');
      expect(question.options).not.toContain('커널');
      expect(new Set(question.options).size).toBe(4);
    }
  });

  it('never offer two terms that name the same concept', () => {
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/os': [
        { names: ['커널', 'Kernel'], statements: ['운영 체제의 중심에서 하드웨어와 응용 프로그램을 잇는 프로그램이다.'] },
        { names: ['프로세스', 'Process'], statements: ['실행 중인 프로그램이며, 프로세스를 만들고 없애는 일은 커널이 맡는다.'], boldTerms: ['커널'] },
        { names: ['시스템 콜', 'System Call'], statements: ['응용 프로그램이 Kernel에 서비스를 요청하는 통로이다.'], boldTerms: ['Kernel'] },
      ],
    });
    for (let seed = 0; seed < 30; seed++) {
      const question = generateQuestion(kb, 'it/os/process', createRandom(seed), 'cloze')!;
      expect(question.options[question.answer]).toBe('커널');
      expect(question.options).not.toContain('Kernel');
      expect(question.optionConceptIds?.[question.answer]).toBe('it/os/kernel');
    }
  });

  it("keep the concept's own names in the sentence as context, and blank only the term", () => {
    const kb = makeKnowledgeBase({ 'it/network': fillerConcepts(), 'it/containers': [docker] });
    const question = generateQuestion(kb, 'it/containers/docker', createRandom(2), 'cloze')!;
    expect(question.prompt.toLowerCase()).toMatch(/도커|docker/);
    expect(question.prompt).toContain('＿＿＿');
    expect(question.prompt).not.toContain('컨테이너');
    expect(question.options[question.answer]).toBe('컨테이너');
  });

  it('are not made when the term repeats in its sentence or its gloss would spell it out', () => {
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/dns': [
        {
          names: ['DNS'],
          statements: [
            '조회 결과는 TTL(Time To Live) 동안 캐시되며, 만료되면 다시 조회한다.',
            '캐시는 자주 쓰는 답을 저장하고, 캐시가 비면 루트 서버부터 다시 묻는다.',
          ],
          boldTerms: ['TTL', '캐시'],
        },
      ],
    });
    const prompts = new Set(
      questionsOver(30, (seed) => generateQuestion(kb, 'it/dns/dns', createRandom(seed), 'cloze')).map((question) => question.prompt),
    );
    // `캐시` appears twice in the second sentence, and `캐시되며` in the first is a verb: only TTL is blanked, with its gloss.
    expect([...prompts]).toEqual(['조회 결과는 ＿＿＿ 동안 캐시되며, 만료되면 다시 조회한다.']);
  });

  it('return null when there is no bold term to blank', () => {
    const kb = makeKnowledgeBase({ 'it/network': fillerConcepts(), 'it/containers': [{ ...docker, boldTerms: [] }] });
    expect(generateQuestion(kb, 'it/containers/docker', createRandom(1), 'cloze')).toBeNull();
    expect(generateQuestion(kb, 'it/containers/docker', createRandom(1))?.kind).toBe('which-concept');
  });
});

describe('findUnaskableConcepts', () => {
  it('lists thin concepts with the reason', () => {
    const kb = makeKnowledgeBase({
      'it/network': fillerConcepts(),
      'it/misc': [
        { names: ['도커', 'Docker'], statements: ['도커(Docker)이다.'] },
        { names: ['빈 개념', 'Empty'], statements: [] },
      ],
    });
    const skipped = findUnaskableConcepts(kb);
    expect(skipped.map((entry) => entry.conceptId).sort()).toEqual(['it/misc/docker', 'it/misc/empty']);
    expect(skipped.find((entry) => entry.conceptId === 'it/misc/docker')?.reason).toMatch(
      /^too thin for a question: the best candidate \(line \d+\) scores 0 < 0.6 \(.*mostly-masked/,
    );
    expect(skipped.find((entry) => entry.conceptId === 'it/misc/empty')?.reason).toBe(
      'too thin for a question: its section has no explanatory prose to ask about',
    );
    expect(generateQuestion(kb, 'it/misc/docker', createRandom(1))).toBeNull();
  });

  it('lists every concept when there are too few concepts for wrong answers', () => {
    const kb = makeKnowledgeBase({
      tiny: fillerConcepts()
        .slice(0, 3)
        .map((spec) => ({ ...spec, boldTerms: [] })),
    });
    const skipped = findUnaskableConcepts(kb);
    expect(skipped).toHaveLength(3);
    expect(skipped[0]?.reason).toBe('too thin for a question: no sentence can be asked with 3 fair wrong options from its note or domain');
  });

  it('finds every concept of the shared note askable', () => {
    expect(findUnaskableConcepts(buildSharedNoteKnowledgeBase())).toEqual([]);
  });
});

describe('sampleQuestion', () => {
  const kb = makeKnowledgeBase({ 'it/network': fillerConcepts(), 'it/containers': [docker] });

  it('is the same for the same seed', () => {
    expect(sampleQuestion(kb, { seed: 11 })).toEqual(sampleQuestion(kb, { seed: 11 }));
  });

  it('stays within the given note and gives nothing for an unknown note', () => {
    for (let seed = 0; seed < 20; seed++) expect(sampleQuestion(kb, { seed, noteId: 'it/containers' })?.conceptId).toBe('it/containers/docker');
    expect(sampleQuestion(kb, { seed: 1, noteId: 'nope' })).toBeNull();
  });
});
