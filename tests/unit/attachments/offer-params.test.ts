// The chip's address round-trips an offer and refuses anything else.
import { describe, expect, it } from 'vitest';
import { offerQuery, readOffer, type Offer } from '../../../lib/attachments/offer-params';

describe('offer params', () => {
  it('round-trips the files and the kind', () => {
    const offer: Offer = {
      kind: 'pointer',
      files: [{ name: '工作要点.pdf', type: 'pdf', url: 'http://a.edu.cn/f?id=1&x=2' }],
    };
    expect(readOffer(offerQuery(offer))).toEqual(offer);
  });

  it('keeps at most three files', () => {
    const files = Array.from({ length: 5 }, (_, i) => ({
      name: `${i}.pdf`,
      type: 'pdf' as const,
      url: `http://a.edu.cn/${i}.pdf`,
    }));
    expect(readOffer(offerQuery({ kind: 'pointer', files }))!.files).toHaveLength(3);
  });

  it('refuses made-up kinds, types, addresses and shapes', () => {
    const q = (kind: string, files: unknown) =>
      `?${new URLSearchParams({ kind, files: JSON.stringify(files) }).toString()}`;
    const ok = { name: 'a', type: 'pdf', url: 'http://a.edu.cn/a.pdf' };
    expect(readOffer(q('pdf', [ok]))).not.toBeNull();
    expect(readOffer(q('other', [ok]))).toBeNull();
    expect(readOffer(q('pdf', [{ ...ok, type: 'xls' }]))).toBeNull();
    expect(readOffer(q('pdf', [{ ...ok, url: 'javascript:alert(1)' }]))).toBeNull();
    expect(readOffer(q('pdf', [{ ...ok, name: 3 }]))).toBeNull();
    expect(readOffer(q('pdf', []))).toBeNull();
    expect(readOffer(q('pdf', {}))).toBeNull();
    expect(readOffer('?kind=pdf&files=%7Bnot json')).toBeNull();
  });
});
