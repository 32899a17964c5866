import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/index.js';
import { PassphraseInput } from './PassphraseInput.js';
import { StrengthMeter } from './StrengthMeter.js';
import { judgePassphrase, minimumPassphraseLength, type NewPassphrase, type NewPassphraseErrors } from './strength.js';

interface PassphraseFieldsProps {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  /** Words the passphrase must not be built from, such as the study title. */
  related: readonly string[];
  labels: { passphrase: string; repeat: string };
  errors: NewPassphraseErrors;
}

/** A new passphrase, typed twice, with a live strength meter. Used to create a study and to change the passphrase. */
export function PassphraseFields({ value, onChange, related, labels, errors }: PassphraseFieldsProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const feedbackId = useId();
  // Judging is cheap but not free; a deferred value keeps typing smooth on slow machines.
  const deferred = useDeferredValue(value.passphrase);
  const relatedKey = related.join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- relatedKey stands for related
  const strength = useMemo(() => judgePassphrase(deferred, related), [deferred, relatedKey]);
  return (
    <div className="passphrase-fields">
      <PassphraseInput
        label={labels.passphrase}
        value={value.passphrase}
        onValueChange={(passphrase) => onChange({ ...value, passphrase })}
        visible={visible}
        hint={t('passphrase.hint', { min: minimumPassphraseLength })}
        error={errors.passphrase}
        describedBy={feedbackId}
        autoComplete="new-password"
      />
      <StrengthMeter strength={strength} empty={deferred.length === 0} feedbackId={feedbackId} />
      <PassphraseInput
        label={labels.repeat}
        value={value.repeat}
        onValueChange={(repeat) => onChange({ ...value, repeat })}
        visible={visible}
        error={errors.repeat}
        autoComplete="new-password"
      />
      <div className="passphrase-fields__toggle">
        <Button variant="quiet" aria-pressed={visible} onClick={() => setVisible((shown) => !shown)}>
          {t('passphrase.showBoth')}
        </Button>
      </div>
    </div>
  );
}
