// The structures of real portal pages (tests/fixtures/real/, written in the image of the labelled
// pages in ../shared/corpus): news with 一、二、三 subheads is no document; notes, forwarded and
// double documents, regulations, plans and attachments get the right outline.
import { describe, expect, it } from 'vitest';
import { readDocument, mightBeDocument } from '../../../lib/document/detect';
import { parseSections } from '../../../lib/document/parse-sections';
import { buildTextModel } from '../../../lib/document/text-model';
import type { DetectedDocument } from '../../../lib/document/detect';
import type { Section } from '../../../lib/document/types';
import { htmlDocument, loadFixture } from './fixtures';
import { sectionsProblem } from './property-arbitraries';

function detect(name: string): DetectedDocument {
  const found = readDocument(loadFixture(`real/${name}`));
  if (!found) throw new Error(`${name}: no outline`);
  return found;
}

const headings = (sections: readonly Section[]) => sections.map((s) => s.heading);

function groupsOf(found: DetectedDocument) {
  const { sections, groups } = found.document;
  return (groups ?? []).map((g) => ({
    kind: g.kind,
    title: g.title,
    headings: headings(sections.slice(g.from, g.to)),
  }));
}

describe('news stories and essays with numbered subheads', () => {
  it('reads the outline but finds no document signal: never served automatically', () => {
    const found = detect('news-subheads.html');
    expect(headings(found.document.sections)).toHaveLength(4);
    expect(found.evidence).toMatchObject({ score: 0, document: false, signals: [] });
    expect(found.document.kind).toBeNull();
  });

  it('a bare 一、二、 list under a headline is no document either', () => {
    const found = readDocument(
      htmlDocument(
        '<h1>我校学子在省运动会上再创佳绩</h1><div class="article"><p>一、田径项目</p><p>获得金牌三枚。</p><p>二、游泳项目</p><p>获得银牌两枚。</p></div>',
        '我校学子在省运动会上再创佳绩-学校新闻',
      ),
    );
    expect(found?.evidence.document).toBe(false);
  });
});

describe('document signals', () => {
  it('an addressee and a closing date are enough, with no kind in the title', () => {
    const found = detect('addressee-date.html');
    expect(found.document.kind).toBeNull();
    expect(found.evidence.signals.map((s) => [s.code, s.text])).toEqual([
      ['addressee', '各处室、各年级组'],
      ['date', '总务处 2024年1月15日'],
    ]);
    expect(found.evidence).toMatchObject({ score: 2, threshold: 2, document: true });
  });

  it('a masthead and a document number each make a document on their own', () => {
    const found = readDocument(
      htmlDocument(
        '<div id="doc"><p>绍兴市示范中学文件</p><p>绍示中〔2023〕12号</p><p>一、甲项工作</p><p>内容。</p><p>二、乙项工作</p><p>内容。</p></div>',
      ),
    );
    expect(found?.evidence.signals.map((s) => [s.code, s.text])).toEqual([
      ['masthead', '绍兴市示范中学文件'],
      ['number', '〔2023〕12号'],
    ]);
    expect(found?.evidence.document).toBe(true);
  });
});

describe('a covering note before the document', () => {
  it("is one entry of its own; the main document's parts are the top level, its title joined over two lines", () => {
    const found = detect('covering-note.html');
    expect(groupsOf(found)).toEqual([
      { kind: 'note', title: null, headings: ['现将市教育局通知转发给大家'] },
      {
        kind: 'main',
        title: '绍兴市教育局关于做好2023年度中小学教师继续教育学时登记工作的通知',
        headings: ['一、登记范围', '二、登记内容', '三、工作要求'],
      },
    ]);
    expect(found.document.groups?.[0]?.role).toBe('forward');
    const [note, , second] = found.document.sections;
    expect(note?.children.map((c) => c.marker)).toEqual(['1.', '2.', '3.']);
    expect(second?.children.map((c) => c.heading)).toEqual(['（一）集中培训学时', '（二）校本研修学时']);
    expect(found.document.title).toBe('绍兴市教育局关于做好2023年度中小学教师继续教育学时登记工作的通知');
    expect(found.document.addressee).toBe('各区、县（市）教育局，各市直学校');
    expect(sectionsProblem(found.model, found.document.sections.slice(1))).toBeNull();
  });

  it('a 1. before the first 一、 with no note around it is body text, not a part', () => {
    const doc = htmlDocument(
      '<div id="root"><p>关于做好安全工作的通知</p><p>各部门：</p><p>1.先说明一点。</p><p>一、甲</p><p>二、乙</p></div>',
    );
    expect(headings(parseSections(buildTextModel(doc.getElementById('root')!)))).toEqual(['一、甲', '二、乙']);
  });
});

describe('two documents on one page', () => {
  it('the forwarding notice and the forwarded document are groups, each with its title and parts', () => {
    const found = detect('two-documents.html');
    expect(groupsOf(found)).toEqual([
      {
        kind: 'main',
        title: '关于转发《学生宿舍管理办法》的通知',
        headings: ['一、组织学习', '二、落实检查', '三、及时反馈'],
      },
      {
        kind: 'forwarded',
        title: '学生宿舍管理办法',
        headings: ['一、入住管理', '二、作息管理', '三、安全管理', '四、卫生管理'],
      },
    ]);
    const ids = found.document.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The notice's last part ends before its signature; the original's parts are not text of part 三.
    const third = found.document.sections[2]!;
    expect(found.model.text.slice(third.start, third.end)).not.toContain('入住管理');
    expect(found.document.title).toBe('关于转发《学生宿舍管理办法》的通知');
    expect(found.document.date).toBe('2023年3月1日');
  });
});

describe('regulations: 第一章 / 第一条', () => {
  it('chapters are the parts, articles are listed under them with their numbering kept', () => {
    const doc = loadFixture('real/regulation-chapters.html');
    expect(mightBeDocument(doc)).toBe(true);
    const found = detect('regulation-chapters.html');
    const parts = found.document.sections;
    expect(headings(parts)).toEqual(['第一章 总则', '第二章 请假类别', '第三章 审批程序', '第四章 附则']);
    expect(parts.map((p) => p.children.map((c) => c.marker))).toEqual([
      ['第一条', '第二条'],
      ['第三条', '第四条', '第五条'],
      ['第六条', '第七条'],
      ['第八条'],
    ]);
    expect(parts[1]?.children[0]?.heading).toBe('第三条 请假分为事假、病假、婚假、产假、丧假等');
    expect(found.evidence.signals.map((s) => s.code)).toEqual(['kind', 'regulation']);
  });

  it('articles with no chapters are the parts, and such a page counts as a document', () => {
    const doc = htmlDocument(
      '<div class="article"><p>第一条 为加强管理，制定本细则。</p><p>第二条 本细则适用于全体学生。</p><p>第三条 本细则由学生处负责解释。</p></div>',
    );
    expect(mightBeDocument(doc)).toBe(true);
    const found = readDocument(doc);
    expect(found?.document.sections.map((s) => s.marker)).toEqual(['第一条', '第二条', '第三条']);
    expect(found?.evidence.document).toBe(true);
  });
});

describe('plans: §1 / 第一部分 with 一、 restarting inside', () => {
  it('the outer level is the top; a contents list of the § headings is not read as the parts', () => {
    const found = detect('plan-sections.html');
    const parts = found.document.sections;
    expect(headings(parts)).toEqual(['§1.发展基础', '§2.发展目标', '§3.保障措施']);
    expect(parts.map((p) => headings(p.children))).toEqual([
      ['一、办学优势', '二、存在问题'],
      ['一、总体目标', '二、分项目标'],
      ['一、组织保障', '二、经费保障'],
    ]);
    expect(headings(parts[1]!.children[1]!.children)).toEqual(['(一)课程建设目标', '(二)队伍建设目标']);
    // The parts are the real sections, below the contents list.
    expect(found.model.text.slice(parts[0]!.start, parts[0]!.end)).toContain('办学优势');
    expect(found.document.title).toBe('绍兴市示范中学三年发展规划');
    expect(sectionsProblem(found.model, parts)).toBeNull();
  });

  it('第一部分 works the same way', () => {
    const doc = htmlDocument(
      '<div id="root"><p>学院五年发展规划</p><p>第一部分 总体思路</p><p>一、指导思想</p><p>正文。</p><p>二、基本原则</p><p>正文。</p>' +
        '<p>第二部分 主要任务</p><p>一、人才培养</p><p>正文。</p><p>二、科学研究</p><p>正文。</p></div>',
    );
    const parts = parseSections(buildTextModel(doc.getElementById('root')!));
    expect(headings(parts)).toEqual(['第一部分 总体思路', '第二部分 主要任务']);
    expect(parts.map((p) => p.children.length)).toEqual([2, 2]);
  });
});

describe('attachments after the signature and date', () => {
  it('one entry per attachment, its own numbered items under it, not under the last part', () => {
    const found = detect('attachments.html');
    expect(groupsOf(found)).toEqual([
      {
        kind: 'main',
        title: '关于开展校园读书节活动的通知',
        headings: ['一、活动时间', '二、活动内容', '三、工作要求'],
      },
      { kind: 'attachments', title: null, headings: ['附件1：好书推荐表填写说明', '附件2：征文评选办法'] },
    ]);
    const [, , last, first, second] = found.document.sections;
    expect(last?.children).toEqual([]);
    expect(found.model.text.slice(last!.start, last!.end)).not.toContain('教务处');
    expect(first?.children.map((c) => c.marker)).toEqual(['1．', '2．', '3．', '4．']);
    expect(second?.children).toHaveLength(2);
    expect(found.document.date).toBe('2023年4月3日');
  });
});

describe('titles and what the panel shows', () => {
  it('joins a title printed over two lines and across spans', () => {
    const found = detect('two-line-title.html');
    expect(found.document.title).toBe('关于做好2024年春季学期开学工作的通知');
    expect(found.document.kind).toBe('通知');
  });

  it('decodes an entity the CMS printed as text in the page heading', () => {
    const doc = htmlDocument(
      '<h2 class="title">关于深化“先锋工程”建设&amp;nbsp;深入开展创先争优活动的实施意见</h2>' +
        '<div class="conTxt"><p>一、指导思想</p><p>正文。</p><p>二、工作重点</p><p>正文。</p></div>',
    );
    expect(readDocument(doc)?.document.title).toBe('关于深化“先锋工程”建设 深入开展创先争优活动的实施意见');
  });

  it('keeps a CMS info line apart from the addressee under it', () => {
    const doc = htmlDocument(
      '<div class="main"><h2>积极践行光盘行动倡议书</h2><div class="property"><span>文章来源：总务处</span> <span>作者：总务处</span> ' +
        '<span>发布时间：2020年09月08日</span> <span>点击数：\n  次</span></div>' +
        '<div class="conTxt"><p>全体师生：</p><p>一、珍惜粮食</p><p>正文。</p><p>二、适量点餐</p><p>正文。</p></div></div>',
    );
    expect(readDocument(doc)?.document.addressee).toBe('全体师生');
  });
});

describe('untitled parts before a titled document', () => {
  it('are a document of their own, not a note', () => {
    const doc = htmlDocument(
      '<div id="root"><p>一、甲项</p><p>内容。</p><p>二、乙项</p><p>内容。</p><p>学院办公室</p><p>2023年5月4日</p>' +
        '<p>关于做好安全工作的通知</p><p>各部门：</p><p>一、丙项</p><p>内容。</p><p>二、丁项</p><p>内容。</p></div>',
    );
    const found = readDocument(doc);
    expect(found?.document.groups?.map((g) => [g.kind, g.from, g.to])).toEqual([
      ['main', 0, 2],
      ['forwarded', 2, 4],
    ]);
  });
});

describe('a page title above the same title in the body', () => {
  it('is no covering note', () => {
    const doc = htmlDocument(
      '<div id="root"><h2>学院选拔任用中层干部工作方案</h2><p>发布时间：2020-07-05 点击：35</p><p>学院选拔任用中层干部</p><p>工作方案</p>' +
        '<p>为加强干部队伍建设，制定本方案。</p><p>一、选拔职位</p><p>内容。</p><p>二、任职条件</p><p>内容。</p></div>',
    );
    const found = readDocument(doc);
    expect(found?.document.groups).toBeUndefined();
    expect(found?.document.sections.map((s) => s.heading)).toEqual(['一、选拔职位', '二、任职条件']);
    expect(found?.document.title).toBe('学院选拔任用中层干部工作方案');
  });
});

describe('document kinds beyond the 公文 list (issue 22)', () => {
  it('a VSB 工作计划 with no addressee is a document by its kind and closing date', () => {
    const found = detect('vsb-plan.html');
    expect(found.document.kind).toBe('计划');
    expect(found.evidence.document).toBe(true);
    expect(found.evidence.signals.map((s) => s.code)).toEqual(['kind', 'date']);
  });

  it('a WebPlus 制度 is a document, its parts read through a space after 、', () => {
    const found = detect('webplus-system.html');
    expect(found.document.kind).toBe('制度');
    expect(found.evidence.document).toBe(true);
    expect(headings(found.document.sections).map((h) => h.slice(0, 2))).toEqual(['一、', '二、', '三、']);
  });

  it('a speech is named but not served on its title word alone', () => {
    const found = readDocument(
      htmlDocument(
        '<div class="article"><h1>在新学期教职工大会上的讲话</h1><p>一、回顾上学期工作</p><p>内容。</p><p>二、部署新学期任务</p><p>内容。</p></div>',
        '在新学期教职工大会上的讲话',
      ),
    );
    expect(found?.document.kind).toBe('讲话');
    expect(found?.evidence).toMatchObject({ score: 1, document: false });
  });
});

describe('an 印发 note before the 办法 it issues (issue 22)', () => {
  it('is a group of its own, named by its first sentence and its role, never by the addressee line', () => {
    const found = detect('note-banfa.html');
    const groups = groupsOf(found);
    expect(groups[0]).toEqual({ kind: 'note', title: null, headings: ['为落实实验室安全责任'] });
    expect(found.document.groups?.[0]?.role).toBe('issue');
    expect(groups[1]?.headings).toEqual([
      '一、检查目的',
      '二、检查范围',
      '三、检查内容',
      '四、检查方式',
      '五、整改要求',
      '六、附则',
    ]);
    const note = found.document.sections[0]!;
    expect(found.model.text.slice(note.headingStart, note.headingEnd)).toBe(note.heading);
  });
});

describe('regulations with Arabic articles and spaced chapter titles (issue 22)', () => {
  it('reads 第1条 (also run together, or alone on its line) as articles under their chapter', () => {
    const found = detect('arabic-articles.html');
    expect(found.document.kind).toBe('方案');
    expect(headings(found.document.sections)).toEqual([
      '第一章 总 则',
      '第二章 导 师 职 责',
      '第三章 考 核',
      '第四章 附 则',
    ]);
    expect(found.document.sections.map((s) => s.children.map((c) => c.marker))).toEqual([
      ['第1条', '第2条'],
      ['第3条', '第4条'],
      ['第5条', '第6条'],
      ['第7条'],
    ]);
  });

  it('joins a 第X章 or 第X条 printed alone on its line with its title or text on the next', () => {
    const found = detect('bare-markers.html');
    expect(found.document.kind).toBe('规定');
    const { sections } = found.document;
    expect(headings(sections)).toEqual(['第一章 总　则', '第二章 安全责任', '第三章 检查与处理', '第四章 附　则']);
    expect(sections.map((s) => headings(s.children))).toEqual([
      ['第一条 为加强学院实验室安全管理', '第二条 本规定适用于学院所属各教学、科研实验室'],
      [
        '第一条 学院院长是实验室安全第一责任人',
        '第二条 各实验室主任负责本实验室的日常安全检查',
        '第三条 进入实验室的学生须经安全培训并考核合格',
      ],
      ['第一条　学院每月组织一次安全检查', '第二条 对检查发现的隐患'],
      ['第一条 本规定由学院办公室负责解释'],
    ]);
    // Each entry's range runs from its marker to the end of the words it took from the next line.
    const first = sections[0]!.children[0]!;
    const text = found.model.text.slice(first.headingStart, first.headingEnd);
    expect(text.startsWith('第一条')).toBe(true);
    expect(text.endsWith('为加强学院实验室安全管理')).toBe(true);
  });

  it('a bare marker whose next line is a heading, a label or a sentence after 第X章 stays bare, never eats it', () => {
    const doc = htmlDocument(
      '<div id="r"><p>第一章</p><p>为规范管理，制定本办法。</p><p>第一条</p><p>第二条 乙。</p>' +
        '<p>第二章 附则</p><p>第一条 丙。</p><p>第二条 丁。</p></div>',
    );
    const sections = parseSections(buildTextModel(doc.getElementById('r')!));
    expect(headings(sections)).toEqual(['第一章', '第二章 附则']);
    expect(headings(sections[0]!.children)).toEqual(['第一条', '第二条 乙']);
  });

  it('reads the arabic articles alone on their line with their text', () => {
    const found = detect('arabic-articles.html');
    expect(headings(found.document.sections[1]!.children)).toEqual([
      '第3条 导师指导学生制定学习计划',
      '第4条 导师每月至少与学生见面一次',
    ]);
  });

  it('takes articles that start again at 第一条 in each chapter', () => {
    const doc = htmlDocument(
      '<div id="r"><p>学生社团管理办法</p><p>第一章 总则</p><p>第一条 甲。</p><p>第二条 乙。</p>' +
        '<p>第二章 社团成立</p><p>第一条 丙。</p><p>第二条 丁。</p><p>第三章 附则</p><p>第一条 戊。</p></div>',
    );
    const sections = parseSections(buildTextModel(doc.getElementById('r')!));
    expect(sections.map((s) => s.children.length)).toEqual([2, 2, 1]);
    expect(new Set(sections.flatMap((s) => s.children.map((c) => c.id))).size).toBe(5);
  });

  it('never names a covering note by a long addressee line', () => {
    const doc = htmlDocument(
      '<div id="r"><p>关于印发《工作人员考勤规定》的通知</p>' +
        '<p>各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局，部属各高等学校、部省合建各高等学校：</p>' +
        '<p>现将《工作人员考勤规定》印发给你们，请遵照执行。</p><p>工作人员考勤规定</p><p>第一章 总则</p><p>第一条 甲。</p>' +
        '<p>第二章 附则</p><p>第二条 乙。</p></div>',
    );
    const sections = parseSections(buildTextModel(doc.getElementById('r')!));
    expect(sections[0]?.heading).toBe('现将《工作人员考勤规定》印发给你们');
  });
});

describe('attachments list real files, never label lines (issue 22)', () => {
  it('a bare 附件： is no entry; a VSB download line is listed by its file name', () => {
    const doc = htmlDocument(
      '<div class="v_news_content"><p>关于开展读书月活动的通知</p><p>各学院：</p><p>一、活动时间</p><p>四月。</p>' +
        '<p>二、活动内容</p><p>读书分享。</p><p>图书馆</p><p>2024年3月20日</p><p>附件：</p>' +
        '<p>附件【读书月活动报名表.docx】已下载 12 次</p><p>附件【推荐书目.pdf】已下载次</p></div>',
    );
    const found = readDocument(doc);
    const { sections, groups } = found!.document;
    const attachments = groups?.find((g) => g.kind === 'attachments');
    expect(attachments).toBeDefined();
    const entries = sections.slice(attachments!.from, attachments!.to);
    expect(entries.map((s) => s.heading)).toEqual(['读书月活动报名表.docx', '推荐书目.pdf']);
    for (const s of entries) expect(found!.model.text.slice(s.headingStart, s.headingEnd)).toBe(s.heading);
  });
});
