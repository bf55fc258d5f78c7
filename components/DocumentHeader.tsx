// Top of the panel: the document's kind and title (its issuer and date go with DocumentMeta, below).
import type { GongwenDocument } from '../lib/document/types';

interface Props {
  readonly doc: GongwenDocument;
}

export function DocumentHeader({ doc }: Props) {
  return (
    <header class="doc-header">
      {doc.kind && <span class="kind">{doc.kind}</span>}
      {doc.title && <h1 class="doc-title">{doc.title}</h1>}
    </header>
  );
}
