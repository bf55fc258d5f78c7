// The parts the rail, keys and "已读 n/N" count: the documents' own, not the note or attachments.
import { describe, expect, it } from 'vitest';
import { mainParts } from '../../../lib/document/main-parts';
import type { OutlineGroup, Section } from '../../../lib/document/types';

const section = (id: string): Section => ({
  id,
  kind: 'part',
  level: 1,
  marker: '',
  number: 1,
  heading: id,
  headingStart: 0,
  headingEnd: 1,
  start: 0,
  end: 1,
  children: [],
});

describe('mainParts', () => {
  const sections = ['n1', 'p1', 'p2', 'p3', 'd2p1', 'px1'].map(section);

  it('leaves out the covering note and the attachments, keeps the main and forwarded documents', () => {
    const groups: OutlineGroup[] = [
      { kind: 'note', title: null, role: 'issue', from: 0, to: 1 },
      { kind: 'main', title: '办法', from: 1, to: 4 },
      { kind: 'forwarded', title: '规定', from: 4, to: 5 },
      { kind: 'attachments', title: null, from: 5, to: 6 },
    ];
    expect(mainParts({ sections, groups }).map((s) => s.id)).toEqual(['p1', 'p2', 'p3', 'd2p1']);
  });

  it('is every section on a plain document', () => {
    expect(mainParts({ sections })).toBe(sections);
  });

  it('keeps every entry when there is nothing but a note and attachments', () => {
    const groups: OutlineGroup[] = [
      { kind: 'note', title: null, from: 0, to: 1 },
      { kind: 'attachments', title: null, from: 1, to: 6 },
    ];
    expect(mainParts({ sections, groups })).toBe(sections);
  });
});
