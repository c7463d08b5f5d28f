import { useId } from 'react';

interface CheckboxFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly hint: string;
  readonly onChange: (checked: boolean) => void;
}

/** A checkbox with its label beside it and a hint tied by aria-describedby. */
export function CheckboxField({ label, checked, hint, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox-field" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="field-label">{label}</span>
      </label>
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
    </div>
  );
}
