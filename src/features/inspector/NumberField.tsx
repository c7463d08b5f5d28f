import { useDraft } from './useDraft';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** "1" for whole numbers, "any" for decimals. */
  readonly step: '1' | 'any';
  readonly onCommit: (value: number) => void;
}

/** A number input that writes to the flow only values inside [min, max]. */
export function NumberField({ label, value, min, max, step, onCommit }: NumberFieldProps) {
  const [draft, setDraft] = useDraft(String(value));
  const parsed = Number(draft);
  const valid = draft.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max && (step === 'any' || Number.isInteger(parsed));
  const change = (text: string) => {
    setDraft(text);
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (step === 'any' || Number.isInteger(n)) && n !== value) onCommit(n);
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type="number" value={draft} min={min} max={max} step={step} onChange={(e) => change(e.target.value)} onBlur={() => setDraft(String(value))} />
      {!valid && (
        <span className="inline-error" role="alert">
          {`${label}: must be ${step === '1' ? 'a whole number ' : 'a number '}from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`}
        </span>
      )}
    </label>
  );
}
