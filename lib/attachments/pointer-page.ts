// A page whose body only points at an attachment: a short text that says 详见附件 / 见附件 and
// links a PDF or Word file. Such a page is no document itself (detection finds none), so the
// reader offers the file instead. A news story that merely links a PDF says no 见附件 and is left
// alone; a long article that ends "详见附件" is a document or a story, not a pointer.
import { attachmentOf, findAttachmentLinks, type AttachmentLink } from './links';

/** The words that send the reader to the attachment. */
const POINTER = /(详|请)?见附件|附件(详见|见)/;
/** A pointer's text (phrase, link and what surrounds them in their container) is at most this long. */
export const POINTER_TEXT_MAX = 600;

function commonAncestor(a: Node, b: Node): Element | null {
  const chain = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) chain.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (chain.has(n) && n.nodeType === 1) return n as Element;
  return null;
}

/** The first text node under `root` that says 见附件 (outside links). */
function pointerText(root: Element): Text | null {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (POINTER.test(node.nodeValue ?? '') && !node.parentElement?.closest('a, script, style')) return node as Text;
  }
  return null;
}

/**
 * The openable attachments a pointer page offers, or [] when `doc` is not one: 见附件 said, an
 * openable link, and the two in one short block (the article's text, not the whole portal).
 */
export function pointerAttachments(doc: Document): AttachmentLink[] {
  const body = doc.body;
  if (!body) return [];
  const said = pointerText(body);
  if (!said) return [];
  // The block that holds the words and the first offered link: the article's body on a portal page.
  const first = Array.from(body.querySelectorAll('a[href]')).find(
    (anchor) => attachmentOf(anchor, doc.baseURI)?.openable,
  );
  if (!first) return [];
  const block = commonAncestor(said, first);
  if (!block || block === body || block === doc.documentElement) return [];
  const length = (block.textContent ?? '').replace(/\s+/g, '').length;
  if (length > POINTER_TEXT_MAX) return [];
  return findAttachmentLinks(block, doc.baseURI).filter((link) => link.openable);
}
