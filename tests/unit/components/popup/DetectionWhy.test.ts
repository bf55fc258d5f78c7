// The popup's "why this page" line and the outline's group headings say what the detector found.
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';

vi.mock('../../../../lib/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => (subs.length ? `${key}(${subs.join('|')})` : key),
  uiLanguage: () => 'zh',
}));
const { DetectionWhy } = await import('../../../../components/popup/DetectionWhy');
const { OutlineGroupHeading } = await import('../../../../components/OutlineGroupHeading');

describe('DetectionWhy', () => {
  it('lists each signal with what was read, and the score against the threshold', () => {
    const root = document.createElement('div');
    const why = {
      score: 4,
      threshold: 2,
      signals: [
        { code: 'kind', weight: 2, text: '通知' },
        { code: 'addressee', weight: 1, text: '各学院' },
        { code: 'date', weight: 1, text: '2023年4月3日' },
      ],
    } as const;
    render(h(DetectionWhy, { why }), root);
    // The score is behind a closed 为什么 disclosure, never the first thing the popup says.
    const details = root.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('popupWhyToggle');
    expect(details.querySelector('p')!.textContent).toBe(
      'popupWhy(signalKind(通知)、signalAddressee(各学院)、signalDate(2023年4月3日)|4|2)',
    );
  });

  it('says no signal was found, and that the outline was shown on request', () => {
    const root = document.createElement('div');
    render(h(DetectionWhy, { why: { score: 0, threshold: 2, signals: [] }, requested: true }), root);
    expect(root.querySelector('details > p')!.textContent).toBe('popupWhyRequested · popupWhy(popupWhyNone|0|2)');
  });
});

describe('OutlineGroupHeading', () => {
  it('names documents by their title and the note and attachments by their role', () => {
    const groups = [
      { kind: 'note', title: null, from: 0, to: 1 },
      { kind: 'main', title: '关于开展读书节活动的通知', from: 1, to: 4 },
      { kind: 'attachments', title: null, from: 4, to: 6 },
    ] as const;
    const root = document.createElement('ul');
    render(
      h(
        'div',
        null,
        groups.map((group) => h(OutlineGroupHeading, { group })),
      ),
      root,
    );
    expect([...root.querySelectorAll('li > h3')].map((el) => el.textContent)).toEqual([
      'outlineGroupNote',
      '关于开展读书节活动的通知',
      'outlineGroupAttachments',
    ]);
    // A note that issues or forwards the document after it is named by that role.
    const roles = document.createElement('ul');
    render(
      h('div', null, [
        h(OutlineGroupHeading, { group: { kind: 'note', title: null, role: 'issue', from: 0, to: 1 } }),
        h(OutlineGroupHeading, { group: { kind: 'note', title: null, role: 'forward', from: 0, to: 1 } }),
      ]),
      roles,
    );
    expect([...roles.querySelectorAll('h3')].map((el) => el.textContent)).toEqual([
      'outlineGroupNoteIssue',
      'outlineGroupNoteForward',
    ]);
  });
});

describe('OutlineTree with groups', () => {
  it("draws a group heading before each group's first entry, and none on a plain document", async () => {
    const { OutlineTree } = await import('../../../../components/OutlineTree');
    const section = (id: string) => ({
      id,
      kind: 'part' as const,
      level: 1 as const,
      marker: '',
      number: 1,
      heading: id,
      headingStart: 0,
      headingEnd: 1,
      start: 0,
      end: 1,
      children: [],
    });
    const sections = ['n1', 'p1', 'p2', 'px1'].map(section);
    const groups = [
      { kind: 'note' as const, title: null, from: 0, to: 1 },
      { kind: 'main' as const, title: '通知', from: 1, to: 3 },
      { kind: 'attachments' as const, title: null, from: 3, to: 4 },
    ];
    const noop = () => {};
    const root = document.createElement('div');
    const props = {
      sections,
      currentId: null,
      readIds: [],
      bookmarks: {},
      onJump: noop,
      onToggleBookmark: noop,
      onNote: noop,
    };
    render(h(OutlineTree, { ...props, groups }), root);
    // Each group is a list item holding its heading and then its own list of entries.
    const groupsDrawn = [...root.querySelectorAll('nav > .outline-list > li.outline-group')].map((li) => [
      li.getAttribute('data-group'),
      li.querySelector(':scope > h3')?.textContent,
      [...li.querySelectorAll(':scope > ul > li')].map((entry) => entry.getAttribute('data-section-id')),
    ]);
    expect(groupsDrawn).toEqual([
      ['note', 'outlineGroupNote', ['n1']],
      ['main', '通知', ['p1', 'p2']],
      ['attachments', 'outlineGroupAttachments', ['px1']],
    ]);
    const plain = document.createElement('div');
    render(h(OutlineTree, props), plain);
    expect(plain.querySelectorAll('.outline-group')).toHaveLength(0);
    expect(
      [...plain.querySelectorAll('nav > .outline-list > li')].map((li) => li.getAttribute('data-section-id')),
    ).toEqual(['n1', 'p1', 'p2', 'px1']);
    // A heading holding an entity the CMS printed as text is shown decoded.
    const escaped = document.createElement('div');
    render(h(OutlineTree, { ...props, sections: [{ ...section('p1'), heading: '一、加强&nbsp;领导' }] }), escaped);
    expect(escaped.querySelector('.outline-heading')?.textContent).toBe('一、加强 领导');
  });
});
