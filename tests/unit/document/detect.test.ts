import { describe, expect, it, vi } from 'vitest';
import { readDocument, findArticleRoot, mightBeDocument } from '../../../lib/document/detect';
import { htmlDocument, LAYOUTS, loadFixture, NON_DOCUMENTS } from './fixtures';

describe('mightBeDocument', () => {
  it('passes pages with 一、 … 二、 and rejects the rest', () => {
    expect(mightBeDocument(loadFixture('cms-spans.html'))).toBe(true);
    expect(mightBeDocument(loadFixture('not-notice-list.html'))).toBe(false);
    expect(mightBeDocument(htmlDocument('<p>二、在前</p><p>一、在后</p>'))).toBe(false);
  });

  it('turns down a large ordinary page without reading layout', () => {
    const doc = htmlDocument('<p>学院召开工作推进会，会议强调要提高站位。</p>'.repeat(5000));
    const rects = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    expect(mightBeDocument(doc)).toBe(false);
    expect(rects).not.toHaveBeenCalled();
  });
});

describe('findArticleRoot', () => {
  it('finds the CMS container', () => {
    expect(findArticleRoot(loadFixture('cms-spans.html'))?.className).toBe('v_news_content');
  });

  it('finds the <br>-lines container', () => {
    expect(findArticleRoot(loadFixture('br-lines.html'))?.id).toBe('vsb_content');
  });

  it('widens the table cell to the article table holding the title rows, not the page layout', () => {
    const root = findArticleRoot(loadFixture('table-layout.html'));
    expect(root?.tagName).toBe('TABLE');
    expect(root?.className).toBe('winstyle1');
    expect(root?.textContent).not.toContain('西安海棠职业学院　地址');
  });

  it('finds the late content only once it is there', () => {
    const doc = loadFixture('late-content.html');
    expect(mightBeDocument(doc)).toBe(false);
    expect(readDocument(doc)).toBeNull();
    // What the page's own script does after 1500 ms.
    const source = doc.getElementById('article-source') as HTMLTemplateElement | null;
    doc.querySelector('.v_news_content')?.appendChild(source?.content.cloneNode(true) ?? doc.createTextNode(''));
    const found = readDocument(doc);
    expect(found?.root.className).toBe('v_news_content');
    expect(found?.document.sections).toHaveLength(3);
  });

  it('widens over a title in a sibling block of the article area', () => {
    const doc = htmlDocument(
      '<div class="nav"><a>首页</a></div><div class="art"><h2>关于做好国庆假期安全工作的通知</h2>' +
        '<div class="body"><p>各部门：</p><p>一、加强值班</p><p>内容。</p><p>二、注意安全</p></div></div>',
    );
    expect(findArticleRoot(doc)?.className).toBe('art');
  });

  it('does not widen into page chrome', () => {
    const doc = htmlDocument(
      '<div class="wrap"><div class="sidebar"><a>链接</a></div><h2>关于做好国庆假期安全工作的通知</h2>' +
        '<div class="body"><p>一、加强值班</p><p>二、注意安全</p></div></div>',
    );
    expect(findArticleRoot(doc)?.className).toBe('body');
  });

  it('does not read a body class as a sidebar', () => {
    const doc = htmlDocument('<div id="doc"><p>一、甲</p><p>二、乙</p></div>');
    doc.body.className = 'page has-sidebar';
    expect(findArticleRoot(doc)?.id).toBe('doc');
    doc.body.className = '';
  });

  it('needs each heading on its own line', () => {
    expect(findArticleRoot(htmlDocument('<p>要做好一、二年级学生的管理，一、二、三都要抓。</p>'))).toBeNull();
    expect(findArticleRoot(htmlDocument('<p>一、甲</p><p>二、乙</p>'))?.tagName).toBe('BODY');
  });

  it('ignores headings in links, menus and sidebars', () => {
    const doc = htmlDocument(
      '<ul class="list"><li><a>一、甲</a></li><li><a>二、乙</a></li></ul><div class="left-side"><p>一、甲</p><p>二、乙</p></div>' +
        '<nav><p>一、甲</p><p>二、乙</p></nav><ul><li>一、<a>链接</a></li><li>二、<a>链接</a></li></ul>',
    );
    expect(findArticleRoot(doc)).toBeNull();
  });
});

describe('readDocument', () => {
  it.each(LAYOUTS)('detects the seed in %s', (name) => {
    const found = readDocument(loadFixture(name));
    expect(found?.document.title).toBe('致学院全体师生党员的疫情防控倡议书');
    expect(found?.model.root).toBe(found?.root);
  });

  it.each(NON_DOCUMENTS)('returns null for %s', (name) => {
    expect(readDocument(loadFixture(name))).toBeNull();
  });

  it('finds the document inside a long page of other blocks', () => {
    const filler = '<div class="item"><span>学院新闻</span><p>会议强调，要提高政治站位，压实责任。</p></div>'.repeat(
      1500,
    );
    const doc = htmlDocument(`${filler}<div id="doc"><p>一、甲</p><p>正文。</p><p>二、乙</p></div>${filler}`);
    const found = readDocument(doc);
    expect(found?.root.id).toBe('doc');
  }, 20000);
});

describe("readDocument with the reader's own container", () => {
  it('uses the chosen container, and falls back to automatic detection when it matches nothing or is invalid', () => {
    const doc = htmlDocument(
      '<div id="a"><p>一、甲</p><p>正文。</p><p>二、乙</p><p>正文。</p></div><div id="b"><p>一、丙</p><p>正文。</p><p>二、丁</p><p>三、戊</p></div>',
    );
    expect(readDocument(doc, { rootSelector: '#b' })?.document.sections.map((s) => s.heading)).toEqual([
      '一、丙',
      '二、丁',
      '三、戊',
    ]);
    expect(readDocument(doc, { rootSelector: '#missing' })).not.toBeNull();
    expect(readDocument(doc, { rootSelector: '##bad[' })).not.toBeNull();
  });
});
