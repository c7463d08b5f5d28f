import type { EventTypeSchemas } from '../../flow';
import { formatSchema } from './schemaDraft';

/** The saved versions, oldest first, each opening to its schema and upcaster (read only). */
export function SchemaVersions({ eventType, versions }: { eventType: string; versions: EventTypeSchemas['versions'] }) {
  if (versions.length === 0) return null;
  const newest = versions.at(-1)?.version;
  return (
    <ol className="schemas-versions" aria-label={`Versions of ${eventType}`}>
      {versions.map((v) => (
        <li key={v.version}>
          <details>
            <summary>
              v{v.version}
              {v.upcaster !== undefined && <span className="muted"> · upcaster from v{v.version - 1}</span>}
              {v.version === newest && <span className="muted"> · newest</span>}
            </summary>
            <pre className="schemas-code" aria-label={`Schema of ${eventType} v${v.version}`}>
              {formatSchema(v.schema)}
            </pre>
            {v.upcaster !== undefined && (
              <pre className="schemas-code" aria-label={`Upcaster of ${eventType} v${v.version}`}>
                {v.upcaster}
              </pre>
            )}
          </details>
        </li>
      ))}
    </ol>
  );
}
