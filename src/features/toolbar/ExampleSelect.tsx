import { useId } from 'react';
import { exampleUrl, openFlowUrl } from '../../state';
import { EXAMPLES } from '../examples/exampleList';

/** Opens one of the bundled example flows. */
export function ExampleSelect() {
  const id = useId();
  const choose = (name: string) => {
    const example = EXAMPLES.find((e) => e.name === name);
    if (example) void openFlowUrl(exampleUrl(example.name), 'example', `Open example "${example.title}"`);
  };
  return (
    <span className="toolbar-field">
      <label htmlFor={id} className="visually-hidden">
        Example
      </label>
      {/* Always shows the placeholder, so choosing the same example again reopens it. */}
      <select id={id} value="" onChange={(e) => choose(e.target.value)}>
        <option value="" disabled>
          Examples…
        </option>
        {EXAMPLES.map((example) => (
          <option key={example.name} value={example.name}>
            {example.title}
          </option>
        ))}
      </select>
    </span>
  );
}
