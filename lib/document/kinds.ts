// The 公文 kinds (文种) and how a title line names one: the kind word ends the title,
// optionally followed by a parenthetical such as '（试行）'.

export const DOCUMENT_KINDS = [
  '倡议书', '通知', '通报', '意见', '决定', '方案', '办法', '报告', '请示', '批复', '函', '纪要', '公告',
  '通告', '规定', '决议', '命令', '议案', '公报', '条例', '细则', '规划', '要点', '总结',
] as const;

const TRAILING_NOTE = /[（(][^（）()]{1,20}[）)]$/;
const MAX_TITLE_LENGTH = 80;

/** The kind a title ends with ('关于…的通知' → '通知'), or null. */
export function kindOfTitle(title: string): string | null {
  const core = title.trim().replace(TRAILING_NOTE, '').replace(/[》”"]$/, '');
  for (const kind of DOCUMENT_KINDS) if (core.endsWith(kind)) return kind;
  return null;
}

/** A line that can be the document's title: short, no sentence punctuation, ends with a kind. */
export function isTitleLine(line: string): boolean {
  if (line.length === 0 || line.length > MAX_TITLE_LENGTH || /[。；：:！？]/.test(line)) return false;
  return kindOfTitle(line) !== null;
}

/** The 发文机关标志 line ('中共…委员会办公室文件'). */
export function isMastheadLine(line: string): boolean {
  return line.length > 2 && line.length <= 40 && line.endsWith('文件') && !/[。，；：！？]/.test(line);
}
