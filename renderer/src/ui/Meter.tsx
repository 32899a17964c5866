interface MeterProps {
  label: string;
  value: number;
  max: number;
  /** What a screen reader says instead of the number. */
  valueText: string;
  /** 'low' | 'medium' | 'high' colours the bar; text always carries the meaning too. */
  level: 'none' | 'low' | 'medium' | 'high';
  id?: string;
}

/** A segmented meter with role="meter"; the text beside it says the same as the colour. */
export function Meter({ label, value, max, valueText, level, id }: MeterProps) {
  return (
    <div className="meter" id={id}>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
        className={`meter__bar meter__bar--${level}`}
      >
        {Array.from({ length: max }, (_, index) => (
          <span key={index} className={index < value ? 'meter__segment meter__segment--on' : 'meter__segment'} />
        ))}
      </div>
      <span className="meter__text" aria-hidden="true">
        {label}: {valueText}
      </span>
    </div>
  );
}
