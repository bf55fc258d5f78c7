import { describe, expect, it } from 'vitest';
import { displayText } from '../../../lib/document/display-text';

describe('displayText', () => {
  it('decodes entities a CMS printed as text and collapses whitespace', () => {
    expect(displayText('建设&nbsp;深入开展')).toBe('建设 深入开展');
    expect(displayText('A&amp;B &#20844;&#x6587; &ldquo;引号&rdquo;')).toBe('A&B 公文 “引号”');
    expect(displayText('  关于\u3000做好\u00a0\n工作的通知 ')).toBe('关于 做好 工作的通知');
  });

  it('leaves unknown or broken entities as printed', () => {
    expect(displayText('&bogus; &#0; & 号')).toBe('&bogus; &#0; & 号');
  });
});
