import { useTranslation } from 'react-i18next';
import type { Bilingual, Conflict } from '../../../../shared/calendar/contract.js';
import { currentLanguage } from '../../i18n/index.js';

/** A programme's texts in the language the researcher works in. */
export function useBilingual(): (text: Bilingual) => string {
  // Read the language through the hook so the page re-renders when it changes.
  useTranslation();
  return (text) => text[currentLanguage()];
}

/** What a conflict's words depend on: a month of many groups repeats the same few. */
export function conflictWordsKey(conflict: Conflict): string {
  switch (conflict.kind) {
    case 'holiday':
      return `h|${conflict.holiday.en}|${conflict.holiday.nb}`;
    case 'leaderDoubleBooked':
      return `l|${conflict.leader}|${conflict.otherGroupName}`;
    case 'roomDoubleBooked':
      return `r|${conflict.room}|${conflict.otherGroupName}`;
    case 'outsideUsualHours':
      return `o|${conflict.usualFrom}|${conflict.usualTo}`;
    case 'weekend':
      return 'w';
  }
}

/** Why a session is flagged, in words: "Public holiday: Easter Monday". */
export function useConflictText(): (conflict: Conflict) => string {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  return (conflict) => {
    switch (conflict.kind) {
      case 'holiday':
        return t('calendar.conflict.holiday', { holiday: bilingual(conflict.holiday) });
      case 'leaderDoubleBooked':
        return t('calendar.conflict.leaderDoubleBooked', { leader: conflict.leader, group: conflict.otherGroupName });
      case 'roomDoubleBooked':
        return t('calendar.conflict.roomDoubleBooked', { room: conflict.room, group: conflict.otherGroupName });
      case 'outsideUsualHours':
        return t('calendar.conflict.outsideUsualHours', { from: conflict.usualFrom, to: conflict.usualTo });
      case 'weekend':
        return t('calendar.conflict.weekend');
    }
  };
}
