// The hostile pages of issue 22's "Bad input", made at bench time in the markup of a university
// portal (a masthead, a breadcrumb, a side column and a `.v_news_content` article whose
// paragraphs are cut into styled spans, as tests/fixtures/cms-spans.html shows it), with our own
// text. Each page is a 公文 that goes wrong in one way:
//   lines-20000       20 000 numbered lines 一、… 二万、 (one short line each)
//   heading-100k      a numbered heading of 100 000 characters with no punctuation in it
//   numbering-loop    一、二、一、二、… 1 000 times over, a paragraph under each
//   chapters-no-条    a 规定 of 120 chapters 第一章 … with paragraphs and no 第X条 anywhere
//   条-out-of-order   a 章程 whose 600 第X条 are numbered in a shuffled order, with repeats and gaps
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toChineseNumeral } from '../lib/document/chinese-numerals';

const SPAN_STYLES = [
  'font-family:仿宋_GB2312;font-size:16pt',
  'font-family:仿宋;font-size:21.3333px',
  'font-size:16pt;line-height:150%',
  'font-family:仿宋_GB2312',
];
const BODY_TEXT = '各单位要结合实际认真组织实施，明确责任分工，细化工作举措，加强督促检查，确保各项任务按期完成。';
/** Text with no punctuation at all: a heading built from it has nowhere to be cut. */
const UNBROKEN = '全面推进学校治理体系和治理能力现代化建设高水平职业院校';

/** `text` cut into CMS spans of `every` characters (the last may be shorter), styles cycling. */
function spans(text, every = 9) {
  const out = [];
  for (let i = 0, k = 0; i < text.length; i += every, k++) {
    out.push(`<span style="${SPAN_STYLES[k % SPAN_STYLES.length]}">${text.slice(i, i + every)}</span>`);
  }
  return out.join('');
}

const para = (text, every) =>
  `<p class="MsoNormal" style="text-indent:32pt;line-height:28pt">${spans(text, every)}</p>`;
const boldPara = (text, every) =>
  `<p class="MsoNormal" style="text-indent:32pt;line-height:28pt"><strong>${spans(text, every)}</strong></p>`;

/** The portal around the article: masthead, navigation, side column, title, metadata, 落款 and date. */
function portalPage({ title, addressee, body, signer = '海棠职业学院办公室' }) {
  const nav = ['首页', '学院概况', '党建工作', '新闻中心', '通知公告', '教学科研', '招生就业']
    .map((name, i) => `<li><a href="/col${i}/list.htm">${name}</a></li>`)
    .join('');
  const side = ['党委简介', '组织机构', '通知公告', '规章制度', '下载专区']
    .map((name, i) => `<li><a href="/info/${2000 + i}.htm">${name}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}-西安海棠职业学院</title>
<style>
body { margin: 0; font-family: "Microsoft YaHei", sans-serif; color: #333; background: #f3f4f6; }
.site-header { height: 64px; background: #8b1a1a; color: #fff; display: flex; align-items: center; padding: 0 24px; }
.site-header ul { list-style: none; display: flex; margin: 0; padding: 0; }
.site-header li { margin: 0 12px; } .site-header a { color: #fff; text-decoration: none; }
.wrap { width: 1100px; margin: 0 auto; display: flex; gap: 24px; padding: 16px 0 40px; }
.left-side { width: 220px; flex: none; background: #fff; padding: 16px; }
.main-col { flex: 1; min-width: 0; background: #fff; padding: 24px 40px; overflow-wrap: anywhere; }
.arti_title { font-size: 22px; text-align: center; color: #8b1a1a; }
.arti_metas { text-align: center; font-size: 13px; color: #888; }
.v_news_content { font-size: 16px; line-height: 2; } .v_news_content p { margin: 0 0 6px; }
</style>
</head>
<body>
<div class="site-header"><div class="logo">西安海棠职业学院</div><ul>${nav}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="#">通知公告</a></div>
<div class="wrap">
<div class="left-side"><h3>通知公告</h3><ul>${side}</ul></div>
<div class="main-col"><div class="article">
<h1 class="arti_title">${title}</h1>
<p class="arti_metas"><span>发布时间：2024-03-05</span><span>作者：学院办公室</span><span>浏览次数：<span id="dynclicks">512</span></span></p>
<div class="v_news_content">
<p style="text-align:center;line-height:150%"><b>${spans(title, 6)}</b></p>
${para(addressee)}
${para('为进一步规范管理、提高工作效率，现就有关事项通知如下：')}
${body.join('\n')}
<p style="text-align:right">${spans(signer)}</p>
<p style="text-align:right">${spans('2024年3月5日')}</p>
</div>
</div></div>
</div>
<div class="site-footer">版权所有 © 西安海棠职业学院 地址：西安市海棠路1号</div>
</body>
</html>
`;
}

/** 20 000 one-line parts 一、… 二万、. */
function linesPage(count = 20_000) {
  const body = [];
  for (let n = 1; n <= count; n++) body.push(para(`${toChineseNumeral(n)}、核对第${n}项基础数据并按时报送`, 8));
  return portalPage({ title: '海棠职业学院关于核对基础数据的通知', addressee: '各二级学院、各部门：', body });
}

/** Three parts; the second's heading is 100 000 characters without punctuation, in spans of 50. */
function longHeadingPage(chars = 100_000) {
  const long = `二、${UNBROKEN.repeat(Math.ceil(chars / UNBROKEN.length))}`.slice(0, chars);
  const body = [
    boldPara('一、总体要求'),
    para(BODY_TEXT),
    boldPara(long, 50),
    para(BODY_TEXT),
    boldPara('三、保障措施'),
    para(BODY_TEXT),
  ];
  return portalPage({ title: '海棠职业学院关于推进治理现代化的实施意见', addressee: '各二级学院、各部门：', body });
}

/** 一、二、 repeated `loops` times, each heading with a paragraph. */
function loopPage(loops = 1_000) {
  const body = [];
  for (let i = 1; i <= loops; i++) {
    body.push(boldPara(`一、第${i}轮工作部署`), para(BODY_TEXT));
    body.push(boldPara(`二、第${i}轮检查验收`), para(BODY_TEXT));
  }
  return portalPage({ title: '海棠职业学院关于开展循环检查工作的通知', addressee: '各二级学院、各部门：', body });
}

/** A 规定 in 120 chapters, each with three paragraphs and no 第X条. */
function chaptersPage(chapters = 120) {
  const body = [];
  for (let c = 1; c <= chapters; c++) {
    body.push(boldPara(`第${toChineseNumeral(c)}章\u3000第${c}部分事项`));
    for (let k = 0; k < 3; k++) body.push(para(BODY_TEXT));
  }
  return portalPage({ title: '海棠职业学院教学管理规定', addressee: '各二级学院、各部门：', body });
}

/** A 章程 of 10 chapters and 600 articles numbered in a seeded shuffle, with repeats and gaps. */
function articlesPage(articles = 600, chapters = 10) {
  let seed = 22;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const numbers = Array.from({ length: articles }, (_, i) => i + 1);
  for (let i = numbers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
  }
  // Repeats and gaps: every 25th number replaced by the one before it, every 40th pushed past the end.
  for (let i = 1; i < numbers.length; i++) {
    if (i % 25 === 0) numbers[i] = numbers[i - 1];
    else if (i % 40 === 0) numbers[i] += articles;
  }
  const body = [];
  const perChapter = Math.ceil(articles / chapters);
  numbers.forEach((n, i) => {
    if (i % perChapter === 0)
      body.push(boldPara(`第${toChineseNumeral(i / perChapter + 1)}章\u3000第${i / perChapter + 1}部分`));
    body.push(para(`第${toChineseNumeral(n)}条\u3000${BODY_TEXT}`));
  });
  return portalPage({ title: '海棠职业学院章程', addressee: '各二级学院、各部门：', body, signer: '海棠职业学院' });
}

/** The pages, by file, with what each is. */
export const HOSTILE_PAGES = [
  { file: 'hostile-lines-20000.html', label: '20 000 numbered lines (一、… 二万、)', make: linesPage },
  { file: 'hostile-heading-100k.html', label: 'heading of 100 000 characters', make: longHeadingPage },
  { file: 'hostile-numbering-loop.html', label: '一、二、一、二、… (2 000 headings)', make: loopPage },
  { file: 'hostile-chapters-no-articles.html', label: '120 章 without 条', make: chaptersPage },
  { file: 'hostile-articles-out-of-order.html', label: '600 条 out of order (10 章)', make: articlesPage },
];

/** Writes the hostile pages into `dir`; returns { file, label, bytes }[]. */
export async function writeHostilePages(dir) {
  const out = [];
  for (const { file, label, make } of HOSTILE_PAGES) {
    const html = make();
    await writeFile(path.join(dir, file), html);
    out.push({ file, label, bytes: Buffer.byteLength(html) });
  }
  return out;
}
