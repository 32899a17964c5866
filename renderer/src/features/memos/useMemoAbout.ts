import { useTranslation } from 'react-i18next';
import type { MemoTarget } from '../../../../shared/memos/contract.js';
import { usePassageReference } from './PassageExcerpt.js';

/** What a memo is about, in words: "On the code “feeling seen”", "On Deltaker 3, lines 12–14", "Free memo". */
export function useMemoAbout(): (target: MemoTarget) => string {
  const { t } = useTranslation();
  const reference = usePassageReference();
  return (target) => {
    switch (target.kind) {
      case 'free':
        return t('memos.free');
      case 'code':
        return target.level === 'focused' ? t('memos.onFocusedCode', { name: target.name }) : t('memos.onCode', { name: target.name });
      case 'category':
        return t('memos.onCategory', { name: target.name });
      case 'passage':
        return t('memos.onPassage', { reference: reference(target.passage) });
    }
  };
}
