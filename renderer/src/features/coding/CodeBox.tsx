import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeLevel } from '../../../../shared/coding/contract.js';
import { Button } from '../../ui/index.js';
import { looksLikeAction, suggestCodes } from './layout.js';
import { codeClass, type CodeChoice, type CodeLook } from './surface.js';

interface CodeBoxProps {
  /** What is being coded, in words ("line 12", "lines 12–15"). */
  where: string;
  codes: readonly CodeLook[];
  level: CodeLevel;
  onLevelChange: (level: CodeLevel) => void;
  onApply: (choice: CodeChoice) => void;
  onClose: () => void;
  position: { top: number; left: number };
}

/**
 * The code box: type a short code; existing codes of the chosen level are offered as one types
 * (fuzzy prefix; ↑ ↓ to choose, Tab to complete); Enter applies the chosen or same-named code, or
 * makes a new one. A gentle hint nudges towards codes that name actions. Escape closes.
 */
export function CodeBox({ where, codes, level, onLevelChange, onApply, onClose, position }: CodeBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), list: useId(), hint: useId(), heading: useId() };
  const ofLevel = useMemo(() => codes.filter((code) => code.level === level), [codes, level]);
  const suggestions = useMemo(() => (text.trim() === '' ? [] : suggestCodes(ofLevel, text)), [ofLevel, text]);
  const name = text.trim().replace(/\s+/g, ' ');
  const same = ofLevel.find((code) => code.name.toLocaleLowerCase('nb') === name.toLocaleLowerCase('nb'));
  const chosen = active >= 0 ? suggestions[active] : same;
  const showHint = level === 'initial' && !chosen && name.length >= 3 && !looksLikeAction(name);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function apply() {
    if (chosen) onApply({ id: chosen.id });
    else if (name !== '') onApply({ name: name.slice(0, 200), level });
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (suggestions.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step < -1 ? suggestions.length - 1 : current + step >= suggestions.length ? -1 : current + step));
    } else if (event.key === 'Tab' && !event.shiftKey && suggestions.length > 0 && (active >= 0 || suggestions[0]!.name !== name)) {
      event.preventDefault();
      const completed = suggestions[Math.max(active, 0)]!;
      setText(completed.name);
      setActive(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <div
      className="code-box"
      role="dialog"
      aria-labelledby={ids.heading}
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="code-box__heading" id={ids.heading}>
        {t('coding.box.heading', { where })}
      </p>
      <div className="code-box__row">
        <label className="visually-hidden" htmlFor={ids.input}>
          {t('coding.box.label')}
        </label>
        <input
          id={ids.input}
          ref={input}
          className="input code-box__input"
          value={text}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={ids.list}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${ids.list}-${active}` : undefined}
          aria-describedby={ids.hint}
          onChange={(event) => {
            setText(event.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <fieldset className="code-box__level">
          <legend className="visually-hidden">{t('coding.box.level')}</legend>
          {(['initial', 'focused'] as const).map((option) => (
            <label key={option} className={option === level ? 'code-box__level-option is-on' : 'code-box__level-option'}>
              <input
                type="radio"
                name={`${ids.input}-level`}
                checked={option === level}
                onChange={() => {
                  onLevelChange(option);
                  setActive(-1);
                  input.current?.focus();
                }}
              />
              {t(`coding.box.${option}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <ul id={ids.list} role="listbox" aria-label={t('coding.box.suggestions')} className="code-box__list" hidden={suggestions.length === 0}>
        {suggestions.map((code, index) => (
          <li
            key={code.id}
            id={`${ids.list}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'code-box__option is-active' : 'code-box__option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onApply({ id: code.id })}
          >
            <span className={`code-swatch ${codeClass(code.id)}`} aria-hidden="true" />
            {code.name}
          </li>
        ))}
      </ul>
      <div id={ids.hint} className="code-box__hints small" aria-live="polite">
        {chosen ? (
          <p>{t('coding.box.applyExisting', { name: chosen.name })}</p>
        ) : name !== '' ? (
          <p>{t('coding.box.createNew', { name, level: t(`coding.box.levelName.${level}`) })}</p>
        ) : null}
        {showHint ? <p className="code-box__nudge">{t('coding.box.gerundHint')}</p> : null}
      </div>
      <div className="code-box__actions">
        <span className="muted small">{t('coding.box.keys')}</span>
        <Button variant="quiet" onClick={onClose}>
          {t('coding.box.cancel')}
        </Button>
        <Button variant="primary" onClick={apply} disabled={!chosen && name === ''}>
          {t('coding.box.apply')}
        </Button>
      </div>
    </div>
  );
}
