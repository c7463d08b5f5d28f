import { useId, type ReactNode } from 'react';

/** What a field's control needs so its name is the label alone and its error and hint are descriptions. */
interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby'?: string;
}

interface FieldProps {
  readonly label: string;
  readonly error?: string | null | undefined;
  readonly hint?: string;
  readonly children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its error (an alert) and hint outside the label, tied by aria-describedby. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error && (
        <span id={errorId} className="inline-error" role="alert">
          {error}
        </span>
      )}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
