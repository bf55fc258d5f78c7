// Per top-level entry of a document: which outline group holds it and how many （一）-level
// sections it has — what the popup status carries for the outline's shape (and the corpus check reads).
import type { GongwenDocument, Section } from './types';

export interface PartFacts {
  readonly group?: 'note' | 'main' | 'forwarded' | 'attachments';
  readonly subparts: number;
}

const SUBPART = /^[（(][〇零一二三四五六七八九十百]+[）)]$/;

/** The number of （一）/(一) sections directly under `section`. */
export function subpartCount(section: Section): number {
  return section.children.filter((child) => SUBPART.test(child.marker)).length;
}

/** Facts for `document.sections[index]`. */
export function partFacts(document: GongwenDocument, index: number): PartFacts {
  const section = document.sections[index];
  const group = document.groups?.find((g) => index >= g.from && index < g.to)?.kind;
  const subparts = section ? subpartCount(section) : 0;
  return group ? { group, subparts } : { subparts };
}
