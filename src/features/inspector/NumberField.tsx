import { Field } from './Field';
import { useDraft } from './useDraft';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** "1" for whole numbers, "any" for decimals. */
  readonly step: '1' | 'any';
  readonly onCommit: (value: number) => void;
  /** The error shown for a value below `min`, when the generic range message would not say why. */
  readonly tooLow?: string | undefined;
  readonly hint?: string | undefined;
}

/** A number input that writes to the flow only values inside [min, max]. */
export function NumberField({ label, value, min, max, step, onCommit, tooLow, hint }: NumberFieldProps) {
  const [draft, setDraft] = useDraft(String(value));
  const parsed = Number(draft);
  const valid =
    draft.trim() !== '' &&
    Number.isFinite(parsed) &&
    parsed >= min &&
    parsed <= max &&
    (step === 'any' || Number.isInteger(parsed));
  const change = (text: string) => {
    setDraft(text);
    const n = Number(text);
    if (
      text.trim() !== '' &&
      Number.isFinite(n) &&
      n >= min &&
      n <= max &&
      (step === 'any' || Number.isInteger(n)) &&
      n !== value
    )
      onCommit(n);
  };
  const range = `${label}: must be ${step === '1' ? 'a whole number ' : 'a number '}from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const belowMin = draft.trim() !== '' && parsed < min;
  const error = valid ? null : belowMin && tooLow !== undefined ? tooLow : range;
  return (
    <Field label={label} error={error} {...(hint === undefined ? {} : { hint })}>
      {(control) => (
        <input
          {...control}
          type="number"
          value={draft}
          min={min}
          max={max}
          step={step}
          onChange={(e) => change(e.target.value)}
          onBlur={() => setDraft(String(value))}
        />
      )}
    </Field>
  );
}
