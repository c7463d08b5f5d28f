import { setSpeed, Speed, useAppStore } from '../../state';

const SPEEDS: readonly { readonly value: Speed; readonly label: string }[] = [
  { value: Speed.X1, label: '1×' },
  { value: Speed.X10, label: '10×' },
  { value: Speed.X100, label: '100×' },
  { value: Speed.Max, label: 'max' },
];

/** Virtual seconds per real second, as a segmented radio group. */
export function SpeedRadios() {
  const speed = useAppStore((s) => s.speed);
  return (
    <div className="segmented" role="radiogroup" aria-label="Speed">
      {SPEEDS.map((option) => (
        <label
          key={option.value}
          className={option.value === speed ? 'segmented-option is-checked' : 'segmented-option'}
        >
          <input
            type="radio"
            name="speed"
            value={option.value}
            checked={option.value === speed}
            onChange={() => void setSpeed(option.value)}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
