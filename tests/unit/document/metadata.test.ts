import { describe, expect, it } from 'vitest';
import { matchDateLine } from '../../../lib/document/dates';
import { readDocument } from '../../../lib/document/detect';
import { kindOfTitle } from '../../../lib/document/kinds';
import { isAddresseeLine, isLabelLine, parseMetadata } from '../../../lib/document/metadata';
import { buildTextModel } from '../../../lib/document/text-model';
import { htmlDocument, LAYOUTS, loadFixture } from './fixtures';

const SEED_METADATA = {
  kind: '倡议书',
  title: '致学院全体师生党员的疫情防控倡议书',
  issuer: '中共西安海棠职业学院委员会办公室',
  addressee: '各基层党组织、全体党员',
  date: '2022年10月6日',
  isoDate: '2022-10-06',
};

function metadataOf(body: string, title = ''): ReturnType<typeof parseMetadata> {
  const doc = htmlDocument(body, title);
  const root = doc.getElementById('root') ?? doc.body;
  return parseMetadata(buildTextModel(root), doc);
}

describe('parseMetadata', () => {
  it.each(LAYOUTS)('reads the seed metadata from %s', (name) => {
    const found = readDocument(loadFixture(name));
    const { sections, ...meta } = found?.document ?? { sections: [] };
    expect(meta).toEqual(SEED_METADATA);
    expect(sections).toHaveLength(3);
  });

  it('falls back to the page title element and the masthead issuer', () => {
    const meta = metadataOf(
      '<h1 class="arti_title">关于做好国庆假期安全工作的通知</h1><div id="root"><p>学院办公室文件</p><p>各部门：</p>' +
        '<p>一、加强值班</p><p>二、注意安全</p></div>',
    );
    expect(meta).toMatchObject({
      kind: '通知',
      title: '关于做好国庆假期安全工作的通知',
      issuer: '学院办公室',
      addressee: '各部门',
      date: null,
    });
  });

  it('falls back to document.title without the site suffix', () => {
    const meta = metadataOf('<div id="root"><p>一、甲</p><p>二、乙</p></div>', '学院2022年工作要点-西安海棠职业学院');
    expect(meta.title).toBe('学院2022年工作要点');
    expect(meta.kind).toBe('要点');
  });

  it('joins a two-line title and ignores labels ending in a colon', () => {
    const meta = metadataOf(
      '<div id="root"><p>发布时间：</p><p>关于进一步加强校园疫情防控工作的</p><p>实施方案（试行）</p><p>一、目标</p><p>二、措施</p>' +
        '<p>党委办公室　2022年9月1日</p></div>',
    );
    expect(meta).toMatchObject({
      title: '关于进一步加强校园疫情防控工作的实施方案（试行）',
      kind: '方案',
      addressee: null,
      issuer: '党委办公室',
      date: '2022年9月1日',
      isoDate: '2022-09-01',
    });
  });
});

describe('matchDateLine', () => {
  it('reads Arabic and Chinese-numeral dates', () => {
    expect(matchDateLine('2022年10月6日')).toEqual({ printed: '2022年10月6日', iso: '2022-10-06', prefix: '' });
    expect(matchDateLine('二〇二二年十月六日')).toEqual({
      printed: '二〇二二年十月六日',
      iso: '2022-10-06',
      prefix: '',
    });
    expect(matchDateLine('学院办公室 2022年1月15日')?.prefix).toBe('学院办公室');
  });

  it('rejects dates inside sentences or after labels', () => {
    expect(matchDateLine('发布时间：2022年10月6日')).toBeNull();
    expect(matchDateLine('会议于2022年10月6日召开。')).toBeNull();
    expect(matchDateLine('2022年13月6日')).toBeNull();
  });
});

describe('kindOfTitle', () => {
  it.each([
    ['关于印发《学院考勤管理办法》的通知', '通知'],
    ['学院考勤管理办法（试行）', '办法'],
    ['致全体师生的倡议书', '倡议书'],
    ['关于商请支持的函', '函'],
    ['学院召开工作推进会', null],
  ])('%s → %s', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind);
  });
});

describe('isAddresseeLine never takes a label or a sentence for the addressee (issue 22)', () => {
  it.each([
    ['全校各单位：', true],
    ['各学院、各部门：', true],
    ['各位老师：', true],
    ['发布时间：', false],
    ['作者：', false],
    ['点击数：', false],
    ['来源：', false],
    ['发布者：', false],
    ['分享到：', false],
    ['上一条：', false],
    ['会议内容可以概括为以下五点：', false],
    ['根据《研究生学籍管理规定》，特制定本细则：', false],
  ])('%s → %s', (line, yes) => {
    expect(isAddresseeLine(line)).toBe(yes);
  });
});

describe('metadata lines are never the addressee, wherever their fields sit (issue 24)', () => {
  it.each([
    '【发布时间：2023-04-01】【作者：】【点击数：',
    '[ 发布时间：2023-04-01 ]  浏览次数：',
    '2023-04-01 来源：党委宣传部 浏览次数：',
    '2023年4月1日 作者：',
    '信息来源：学院办公室 点击数：',
    '文章作者：',
    '供稿：组织部 | 审核：',
    '时间：2023-04-01 来源：宣传部 作者：',
    '  更新时间：',
  ])('%s is a label line, not an addressee', (line) => {
    expect(isLabelLine(line)).toBe(true);
    expect(isAddresseeLine(line)).toBe(false);
  });

  it.each(['各学院、各部门：', '各二级党组织、全体党员：', '各位老师、同学们：', '全校各单位：'])(
    '%s stays an addressee',
    (line) => {
      expect(isLabelLine(line)).toBe(false);
      expect(isAddresseeLine(line)).toBe(true);
    },
  );

  it('the addressee under a metadata line is found, the metadata line is not', () => {
    const meta = metadataOf(
      '<div id="root"><p>关于做好疫情防控工作的通知</p><p>2023-04-01 来源：党委办公室 浏览次数：</p><p>各学院、各部门：</p><p>现将有关事项通知如下。</p><p>一、加强组织领导</p><p>各单位要高度重视。</p><p>二、压实工作责任</p><p>各单位要落实责任。</p></div>',
    );
    expect(meta.addressee).toBe('各学院、各部门');
  });

  it('a page whose only colon line is metadata has no addressee', () => {
    const meta = metadataOf(
      '<div id="root"><p>关于做好疫情防控工作的通知</p><p>【发布时间：2023-04-01】【点击数：</p><p>一、加强组织领导</p><p>各单位要高度重视。</p><p>二、压实工作责任</p><p>各单位要落实责任。</p></div>',
    );
    expect(meta.addressee).toBeNull();
  });
});
