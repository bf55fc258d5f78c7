// The 复习 list's data for an extension page (panel, popup): the stored records' 再看 marks,
// loaded while `active` and reloaded only when a study mark changes somewhere.
import { useEffect, useState } from 'preact/hooks';
import { loadDocuments, type LoadedDocuments } from '../lib/storage/documents';
import { watchStudy } from '../lib/storage/study';
import { reviewGroups, type ReviewGroup } from '../lib/study/review-list';

export function useReviewGroups(active = true): readonly ReviewGroup[] | null {
  const [groups, setGroups] = useState<readonly ReviewGroup[] | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    const show = ({ docs }: LoadedDocuments) => {
      if (live) setGroups(reviewGroups(docs));
    };
    void loadDocuments().then(show, () => show({ docs: {}, dropped: [], kept: [], bytes: 0 }));
    const unwatch = watchStudy(show);
    return () => {
      live = false;
      unwatch();
    };
  }, [active]);
  return groups;
}
