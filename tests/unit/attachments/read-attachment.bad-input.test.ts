// Bad input to the attachment readers: each is an AttachmentError with its problem, never a crash,
// a hang or a huge allocation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readAttachment } from '../../../lib/attachments/read-attachment';
import { extractPdf } from '../../../lib/attachments/pdf';
import { extractDocx, DOCX_MAX_UNCOMPRESSED } from '../../../lib/attachments/docx';
import { extractDoc } from '../../../lib/attachments/doc';
import { fetchAttachment, attachmentUrl } from '../../../lib/attachments/fetch-file';
import { AttachmentError } from '../../../lib/attachments/errors';

const load = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/attachments', name)));
const readPdf = (bytes: Uint8Array, options = {}) => extractPdf(pdfjs, bytes, options);

async function problemOf(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AttachmentError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('bad input', { timeout: 60_000 }, () => {
  it('an HTML login page where the file should be', async () => {
    const page = strToU8(
      '<!DOCTYPE html><html><head><title>统一身份认证</title></head><body><form>登录</form></body></html>',
    );
    expect(await problemOf(() => readAttachment(page, { readPdf }))).toBe('login');
  });

  it('an empty file and unknown bytes', async () => {
    expect(await problemOf(() => readAttachment(new Uint8Array(0), { readPdf }))).toBe('empty');
    expect(await problemOf(() => readAttachment(strToU8('{\\rtf1\\ansi hello}'), { readPdf }))).toBe('unsupported');
    expect(await problemOf(() => readAttachment(zipSync({ 'a.txt': strToU8('x') }), { readPdf }))).toBe('unsupported');
  });

  it('a truncated PDF', async () => {
    const whole = load('regulation.pdf');
    const problem = await problemOf(() => readAttachment(whole.subarray(0, Math.floor(whole.length / 3)), { readPdf }));
    expect(['damaged', 'empty']).toContain(problem);
  });

  it('a PDF over the page budget: the pages read, flagged partial', async () => {
    const result = await readPdf(load('initiative.pdf'), { maxPages: 1 });
    expect(result.partial).toBe(true);
    expect(result.pagesRead).toBe(1);
    expect(result.pagesTotal).toBeGreaterThan(1);
    expect(result.blocks.length).toBeGreaterThan(3);
  });

  it('a PDF over the time budget stops after its first page', async () => {
    let clock = 0;
    const result = await readPdf(load('initiative.pdf'), { budgetMs: 1, now: () => (clock += 5) });
    expect(result.partial).toBe(true);
    expect(result.pagesRead).toBeLessThan(result.pagesTotal);
  });

  it('a zip bomb docx (declared size over the cap) is refused before inflating', async () => {
    const huge = new Uint8Array(DOCX_MAX_UNCOMPRESSED + 1024); // zeros: compresses to a few KB
    const bomb = zipSync({ 'word/document.xml': huge, '[Content_Types].xml': strToU8('<Types/>') }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await problemOf(() => extractDocx(bomb))).toBe('too-large');
  });

  it('a docx with a DOCTYPE (entity expansion) is refused', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>';
    expect(await problemOf(() => extractDocx(zipSync({ 'word/document.xml': strToU8(xml) })))).toBe('damaged');
  });

  it('an empty docx', async () => {
    const xml = '<w:document><w:body><w:p/><w:sectPr/></w:body></w:document>';
    expect(await problemOf(() => extractDocx(zipSync({ 'word/document.xml': strToU8(xml) })))).toBe('empty');
  });

  it('an encrypted .doc (fEncrypted in the FIB) says so', async () => {
    const doc = load('regulation.doc').slice();
    // Find the WordDocument stream's FIB by its magic and set fEncrypted (0x0100 of the flags at 0x0A).
    let at = -1;
    for (let i = 512; i < doc.length - 1 && at < 0; i += 512) if (doc[i] === 0xec && doc[i + 1] === 0xa5) at = i;
    expect(at).toBeGreaterThan(0);
    doc[at + 0x0b]! |= 0x01;
    expect(await problemOf(() => extractDoc(doc))).toBe('encrypted');
  });

  it('a truncated .doc is damaged, not a crash', async () => {
    const doc = load('work-points.doc');
    expect(await problemOf(() => extractDoc(doc.subarray(0, 1536)))).toBe('damaged');
  });
});

describe('download', () => {
  const response = (body: BodyInit, init: ResponseInit = {}) => Promise.resolve(new Response(body, init));

  it('only http(s) addresses', () => {
    expect(() => attachmentUrl('javascript:alert(1)')).toThrow(AttachmentError);
    expect(() => attachmentUrl(null)).toThrow(AttachmentError);
    expect(attachmentUrl('https://www.example.edu.cn/a.pdf').host).toBe('www.example.edu.cn');
  });

  it('an error status', async () => {
    const fetcher = (() => response('no', { status: 404 })) as unknown as typeof fetch;
    expect(await problemOf(() => fetchAttachment(new URL('https://x.edu.cn/a.pdf'), fetcher))).toBe('http');
  });

  it('a stream over the cap is stopped at the cap (no Content-Length)', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const fetcher = (() => response(stream)) as unknown as typeof fetch;
    expect(await problemOf(() => fetchAttachment(new URL('https://x.edu.cn/a.pdf'), fetcher, 10 * 1024))).toBe(
      'too-large',
    );
    expect(pulled).toBeLessThan(20);
  });

  it('a declared size over the cap is refused before reading', async () => {
    const fetcher = (() =>
      response('x', { headers: { 'content-length': String(60 * 1024 * 1024) } })) as unknown as typeof fetch;
    expect(await problemOf(() => fetchAttachment(new URL('https://x.edu.cn/a.pdf'), fetcher))).toBe('too-large');
  });

  it('sends the portal cookies', async () => {
    let seen: RequestInit | undefined;
    const fetcher = ((_: string, init: RequestInit) => (
      (seen = init),
      response(new Uint8Array([1, 2, 3]))
    )) as unknown as typeof fetch;
    const { bytes } = await fetchAttachment(new URL('https://x.edu.cn/a.pdf'), fetcher);
    expect(bytes.length).toBe(3);
    expect(seen?.credentials).toBe('include');
  });
});
