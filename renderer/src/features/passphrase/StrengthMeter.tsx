import { useTranslation } from 'react-i18next';
import { Meter } from '../../ui/index.js';
import { feedbackTexts, minimumPassphraseLength, type PassphraseStrength } from './strength.js';

interface StrengthMeterProps {
  strength: PassphraseStrength;
  empty: boolean;
  /** The id of the feedback list, so the passphrase field can point to it. */
  feedbackId: string;
}

/** How hard the passphrase is to guess, in a bar and in words, with zxcvbn's advice. */
export function StrengthMeter({ strength, empty, feedbackId }: StrengthMeterProps) {
  const { t } = useTranslation();
  const label = t('passphrase.strengthLabel');
  const valueText = empty ? t('passphrase.strengthEmpty') : t(`passphrase.strength.${strength.score}`);
  const level = empty ? 'none' : strength.acceptable ? 'high' : strength.score >= 2 && !strength.tooShort ? 'medium' : 'low';
  const advice = empty ? [] : feedbackTexts(strength, t);
  if (!empty && strength.tooShort) advice.unshift(t('passphrase.tooShort', { min: minimumPassphraseLength }));
  if (!empty && strength.acceptable && advice.length === 0) advice.push(t('passphrase.acceptable'));
  return (
    <div className="strength">
      <Meter label={label} value={empty ? 0 : strength.score + 1} max={5} valueText={valueText} level={level} />
      <ul className="strength__advice" id={feedbackId}>
        {advice.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
