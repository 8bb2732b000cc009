import { describe, expect, it } from 'vitest';
import { findDocument } from '../../src/kb/find-document.js';
import { buildKnowledgeBase } from '../../src/kb/load-knowledge-base.js';

const note = (title: string, concept: string) => `# ${title}\n\n## ${concept}\n\n- ${concept} is explained here at some length.\n`;
const kb = buildKnowledgeBase('notes', [
  { file: 'docker-kubernetes.md', markdown: note('도커와 쿠버네티스', '도커(Docker)') },
  { file: 'network/vpn-and-dns.md', markdown: note('Network basics', 'DNS') },
  { file: 'network/proxies.md', markdown: note('Proxies', 'Proxy') },
]);

describe('finding a note from what a user typed', () => {
  it('finds a note by its id, its file name or its title', () => {
    expect(findDocument(kb, 'docker-kubernetes')?.id).toBe('docker-kubernetes');
    expect(findDocument(kb, 'network/vpn-and-dns.md')?.id).toBe('network/vpn-and-dns');
    expect(findDocument(kb, '  Network Basics ')?.id).toBe('network/vpn-and-dns');
  });

  it('takes a fragment only when it names exactly one note', () => {
    expect(findDocument(kb, 'docker')?.id).toBe('docker-kubernetes');
    expect(findDocument(kb, 'network')).toBeUndefined();
  });

  it('finds nothing for an empty or unknown name', () => {
    expect(findDocument(kb, '   ')).toBeUndefined();
    expect(findDocument(kb, 'banana')).toBeUndefined();
  });
});
