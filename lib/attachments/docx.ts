// Word 2007+ (.docx): the zip read with fflate, word/document.xml walked paragraph by paragraph.
// Kept: Word's automatic numbering (word-numbering.ts), centring, outline levels (from the
// paragraph or its style, incl. the built-in Heading styles), tables cell by cell. The zip's
// declared sizes are checked before anything is inflated (a zip bomb is refused), and the
// inflated parts again after.
import { unzipSync } from 'fflate';
import { AttachmentError } from './errors';
import { readNumbering } from './word-numbering';
import { xmlTokens } from './xml-tokens';
import { tidy, type Extracted, type TextBlock } from './blocks';

/** Uncompressed size of the parts we read, at most (a 500-page document.xml is ~10 MB). */
export const DOCX_MAX_UNCOMPRESSED = 64 * 1024 * 1024;

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

interface ParaProps {
  centered?: boolean;
  level?: number;
  numId?: string;
  ilvl?: number;
}

function unzipParts(data: Uint8Array): Map<string, string> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (file) => {
        if (!PARTS.includes(file.name)) return false;
        total += file.originalSize;
        if (total > DOCX_MAX_UNCOMPRESSED) throw new AttachmentError('too-large', 'zip');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AttachmentError) throw error;
    throw new AttachmentError('damaged', String(error));
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string>();
  let inflated = 0;
  for (const [name, bytes] of Object.entries(files)) {
    inflated += bytes.length;
    if (inflated > DOCX_MAX_UNCOMPRESSED) throw new AttachmentError('too-large', 'zip');
    parts.set(name, decoder.decode(bytes));
  }
  return parts;
}

/** Paragraph properties the named styles give (jc, outlineLvl, numPr; Heading N). */
function readStyles(xml: string | null): Map<string, ParaProps> {
  const styles = new Map<string, ParaProps>();
  if (!xml) return styles;
  let current: ParaProps | null = null;
  for (const tok of xmlTokens(xml)) {
    if (tok.kind === 'open') {
      const a = tok.attrs;
      if (tok.name === 'w:style' && a['w:type'] === 'paragraph') {
        current = {};
        styles.set(a['w:styleId'] ?? '', current);
      } else if (current) applyProp(current, tok.name, a);
      if (current && tok.name === 'w:name') {
        const heading = /^heading (\d)$/i.exec(a['w:val'] ?? '');
        if (heading && current.level === undefined) current.level = Number(heading[1]);
        if (/^title$/i.test(a['w:val'] ?? '')) current.centered ??= true;
      }
    } else if (tok.kind === 'close' && tok.name === 'w:style') current = null;
  }
  return styles;
}

function applyProp(props: ParaProps, name: string, a: Record<string, string>): void {
  switch (name) {
    case 'w:jc':
      props.centered = a['w:val'] === 'center';
      break;
    case 'w:outlineLvl': {
      const lvl = Number(a['w:val']);
      // 9 is "body text".
      if (Number.isFinite(lvl) && lvl < 9) props.level = lvl + 1;
      break;
    }
    case 'w:numId':
      props.numId = a['w:val'] ?? '';
      break;
    case 'w:ilvl':
      props.ilvl = Number(a['w:val'] ?? 0);
      break;
  }
}

export function extractDocx(data: Uint8Array): Extracted {
  const parts = unzipParts(data);
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new AttachmentError('damaged', 'no word/document.xml');
  const styles = readStyles(parts.get('word/styles.xml') ?? null);
  const numbering = readNumbering(parts.get('word/numbering.xml') ?? null);

  const blocks: TextBlock[] = [];
  let inBody = false;
  let para: { props: ParaProps; style: string; text: string } | null = null;
  let inPPr = false;
  let inText = false;
  let inRunProps = false;
  let depthDeleted = 0;
  let cellTexts: string[] | null = null;

  const endParagraph = () => {
    if (!para) return;
    const style = styles.get(para.style) ?? {};
    const props: ParaProps = { ...style, ...para.props };
    const numId = para.props.numId ?? style.numId;
    const ilvl = para.props.ilvl ?? style.ilvl ?? 0;
    const label = numId ? numbering.next(numId, ilvl) : '';
    const text = tidy(label && para.text.trim() ? label + para.text.replace(/^[\s\u3000]+/, '') : para.text);
    para = null;
    if (!text) return;
    if (cellTexts) {
      cellTexts.push(text);
      return;
    }
    blocks.push({
      text,
      ...(props.centered ? { centered: true } : {}),
      ...(props.level ? { level: props.level } : {}),
    });
  };

  for (const tok of xmlTokens(documentXml)) {
    if (tok.kind === 'open') {
      const { name, attrs } = tok;
      if (name === 'w:body') inBody = true;
      if (!inBody) continue;
      if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
        if (!tok.selfClosing) depthDeleted++;
        continue;
      }
      if (name === 'w:p') {
        endParagraph();
        para = { props: {}, style: '', text: '' };
        if (tok.selfClosing) endParagraph();
      } else if (name === 'w:tc') cellTexts ??= [];
      else if (!para) continue;
      else if (name === 'w:pPr') inPPr = !tok.selfClosing;
      else if (name === 'w:rPr') inRunProps = !tok.selfClosing;
      else if (inPPr && !inRunProps) {
        if (name === 'w:pStyle') para.style = attrs['w:val'] ?? '';
        else applyProp(para.props, name, attrs);
      } else if (name === 'w:t') inText = !tok.selfClosing;
      else if (depthDeleted === 0 && (name === 'w:tab' || name === 'w:br' || name === 'w:cr'))
        para.text += name === 'w:tab' ? '\t' : ' ';
      else if (depthDeleted === 0 && name === 'w:sym') {
        const code = parseInt(attrs['w:char'] ?? '', 16);
        if (code >= 0x20 && code < 0xf000) para.text += String.fromCharCode(code);
      }
    } else if (tok.kind === 'close') {
      const { name } = tok;
      if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText')
        depthDeleted = Math.max(0, depthDeleted - 1);
      else if (name === 'w:p') endParagraph();
      else if (name === 'w:pPr') inPPr = false;
      else if (name === 'w:rPr') inRunProps = false;
      else if (name === 'w:t') inText = false;
      else if (name === 'w:tc') {
        // A cell's paragraphs read as one line, cells of a row side by side.
        const cell = cellTexts ?? [];
        cellTexts = null;
        if (cell.length) blocks.push({ text: cell.join(' ') });
      } else if (name === 'w:body') inBody = false;
    } else if (para && inText && depthDeleted === 0) {
      para.text += tok.text;
    }
  }
  endParagraph();
  if (!blocks.length) throw new AttachmentError('empty');
  return { blocks, pagesRead: 0, pagesTotal: 0, partial: false };
}
