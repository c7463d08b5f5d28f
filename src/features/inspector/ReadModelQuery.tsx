import { useState } from 'react';
import { queryReadModel } from '../../state';
import { Field } from './Field';

const SAMPLE = `function query(readModel) {
  return Object.keys(readModel).length;
}
`;

/** Runs a query function against the read model at the cursor, in the engine worker. */
export function ReadModelQuery({ nodeId, name }: { nodeId: string; name: string }) {
  const [code, setCode] = useState(SAMPLE);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    const answer = await queryReadModel(nodeId, code);
    setResult(
      answer.ok ? { ok: true, text: JSON.stringify(answer.value, null, 2) } : { ok: false, text: answer.error },
    );
  };
  return (
    <section className="inspector-section">
      <h3>Query</h3>
      <Field
        label={`Query on ${name}`}
        hint="function query(readModel) { … } returns the answer; it cannot change the read model."
      >
        {(control) => (
          <textarea
            {...control}
            value={code}
            rows={5}
            spellCheck={false}
            className="code-textarea"
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <button type="button" onClick={() => void run()}>
        Run query
      </button>
      {result &&
        (result.ok ? (
          <pre className="state-view" role="region" tabIndex={0} aria-label={`Answer of the query on ${name}`}>
            {result.text}
          </pre>
        ) : (
          <p className="inline-error" role="alert">
            Query failed: {result.text}
          </p>
        ))}
    </section>
  );
}
