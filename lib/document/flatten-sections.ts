// Sections in reading order (parts and their sub-points interleaved), for keys and scroll-spy.
import type { Section } from './types';
import { lastIndexWhere } from '../sorted/last-index-where';

export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const section of list) {
      out.push(section);
      visit(section.children);
    }
  };
  visit(sections);
  return out;
}

/** Index of the last section (in reading order) whose heading starts at or before `offset`, or -1. */
export function sectionIndexAt(flat: readonly Section[], offset: number): number {
  return lastIndexWhere(flat, (section) => section.headingStart <= offset);
}
