import { Field } from './Field';

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly SelectOption<T>[];
  readonly hint?: string;
  readonly onChange: (value: T) => void;
}

/** A labelled select over a fixed set of values. */
export function SelectField<T extends string>({ label, value, options, hint, onChange }: SelectFieldProps<T>) {
  const pick = (raw: string) => {
    const option = options.find((o) => o.value === raw);
    if (option && option.value !== value) onChange(option.value);
  };
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => pick(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
