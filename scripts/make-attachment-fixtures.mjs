// Makes the attachment fixtures (tests/fixtures/attachments/): four 公文 of our own written as
// HTML, printed to PDF by Chromium (page.pdf) and converted to .docx/.doc by LibreOffice. The
// outputs are committed, so tests and CI need neither; run again after changing the texts:
//   node scripts/make-attachment-fixtures.mjs      (needs Chromium and `soffice`)
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = path.join(ROOT, 'tests/fixtures/attachments');
const seed = readFileSync(path.join(ROOT, 'tests/fixtures/seed/initiative.txt'), 'utf8')
  .split(/\n+/)
  .map((l) => l.trim())
  .filter(Boolean);

const STYLE = `body{font-family:'Noto Serif CJK SC',serif;font-size:16pt;line-height:1.8;margin:0}
h1{font-size:22pt;text-align:center;font-weight:normal;margin:0 0 1em}
.c{text-align:center;text-indent:0} .r{text-align:right;text-indent:0} p{text-indent:2em;margin:0}
.mast{text-align:center;color:#c00;font-size:26pt}`;

/** [file stem, title, body lines: 'T:' title, 'C:' centred, 'R:' right, else paragraph] */
const DOCS = {
  initiative: [
    'C:' + seed[0],
    ...seed
      .slice(1)
      .map((l, i) =>
        i === 0 ? 'T:' + l : l.includes('办公室') && l.length < 30 ? 'R:' + l : /^\d{4}年/.test(l) ? 'R:' + l : l,
      ),
  ],
  regulation: [
    'T:海棠职业学院学生宿舍管理办法',
    'C:第一章　总　则',
    '第一条　为加强学生宿舍管理，营造安全、文明、整洁的住宿环境，根据国家有关规定，结合学院实际，制定本办法。',
    '第二条　本办法适用于在学院学生宿舍住宿的全日制学生。',
    'C:第二章　住宿管理',
    '第三条　学生宿舍由学生工作处统一调配，学生应服从安排，不得私自调换床位。',
    '第四条　学生应按时归寝，因故晚归或不归的，须向辅导员请假并登记。',
    'C:第三章　安全管理',
    '第五条　宿舍内严禁使用大功率电器，严禁私拉乱接电线，严禁存放易燃易爆物品。',
    '第六条　学生发现安全隐患，应及时报告宿舍管理员或值班人员。',
    'C:第四章　附　则',
    '第七条　本办法由学生工作处负责解释。',
    '第八条　本办法自发布之日起施行。',
  ],
  forwarding: [
    'T:关于转发《省教育厅关于做好2024年高校毕业生就业工作的通知》的通知',
    '各二级学院、各部门：',
    '现将《省教育厅关于做好2024年高校毕业生就业工作的通知》转发给你们，请结合实际认真贯彻落实。现就有关事项通知如下：',
    '一、提高思想认识',
    '各单位要把毕业生就业工作作为当前的重要任务，主要负责同志要亲自部署、亲自推动，确保各项措施落到实处。',
    '二、拓宽就业渠道',
    '要积极走访用人单位，开拓就业岗位，组织好校园招聘活动，为毕业生提供更多就业机会。',
    '三、做好就业指导',
    '要加强就业指导课程建设，开展职业规划咨询，帮助毕业生树立正确的就业观念。',
    '附件：省教育厅关于做好2024年高校毕业生就业工作的通知',
    'R:海棠职业学院办公室',
    'R:2024年3月5日',
  ],
  'work-points': [
    'T:海棠职业学院2024年工作要点',
    '2024年是学院深化改革、加快发展的关键一年。学院工作的总体要求是：坚持立德树人根本任务，深化产教融合，全面提高人才培养质量。',
    '一、加强党的建设',
    '深入学习贯彻党的二十大精神，落实全面从严治党主体责任，加强基层党组织建设，发挥党员先锋模范作用。',
    '二、深化教育教学改革',
    '推进专业结构调整，加强课程建设和教材建设，完善教学质量保障体系，提高学生技术技能水平。',
    '三、推进产教融合',
    '深化校企合作，共建实训基地，推行现代学徒制，服务区域经济社会发展。',
    '四、加强师资队伍建设',
    '引进高层次人才，加强双师型教师培养，完善教师考核评价和激励机制。',
    '五、提升管理服务水平',
    '推进数字校园建设，优化管理流程，改善办学条件，做好安全稳定工作，增强师生获得感。',
  ],
};

function html(lines) {
  const body = lines
    .map((l) => {
      const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      if (l.startsWith('T:')) return `<h1>${esc(l.slice(2))}</h1>`;
      if (l.startsWith('C:')) return `<p class="c">${esc(l.slice(2))}</p>`;
      if (l.startsWith('R:')) return `<p class="r">${esc(l.slice(2))}</p>`;
      return `<p>${esc(l)}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** A long text PDF for trying the page budget by hand: the work points repeated (the bench prints its own, bench/attachments.mjs). */
function longHtml(pages) {
  const lines = ['T:海棠职业学院2024年工作要点（汇编）'];
  for (let i = 1; i <= pages; i++) {
    lines.push(...DOCS['work-points'].slice(1).map((l) => (/^[一二三四五]、/.test(l) && i > 1 ? l : l)));
  }
  return html(lines);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'gw-attach-'));
const browser = await chromium.launch({ executablePath: findChromium() });
const page = await browser.newPage();
const margin = { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' };
const footer = `<div style="width:100%;text-align:center;font-size:12pt;font-family:serif">— <span class="pageNumber"></span> —</div>`;
for (const [stem, lines] of Object.entries(DOCS)) {
  const file = path.join(tmp, `${stem}.html`);
  writeFileSync(file, html(lines));
  await page.setContent(html(lines));
  await page.pdf({
    path: path.join(OUT, `${stem}.pdf`),
    format: 'A4',
    margin,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer,
  });
  for (const format of ['docx:MS Word 2007 XML', 'doc:MS Word 97']) {
    execFileSync('soffice', ['--headless', '--convert-to', format, '--outdir', tmp, file], { stdio: 'ignore' });
    const ext = format.split(':')[0];
    renameSync(path.join(tmp, `${stem}.${ext}`), path.join(OUT, `${stem}.${ext}`));
  }
}
// 50 pages of text, kept out of git (the bench makes its own PDF at bench time).
if (process.argv.includes('--long')) {
  await page.setContent(longHtml(48));
  await page.pdf({
    path: path.join(OUT, 'long-50.pdf'),
    format: 'A4',
    margin,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer,
  });
}
await browser.close();
console.log('attachment fixtures written to', OUT);
