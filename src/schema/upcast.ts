/** Turns the data of one version of an event type into the data of the next. Caller-supplied code. */
type Upcaster = (data: unknown) => unknown;

/** Event type → version → the upcaster that produces that version from the one before it. */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

export type UpcastResult<E> =
  | { readonly ok: true; readonly event: E & { readonly schemaVersion: number }; readonly steps: readonly number[] }
  | { readonly ok: false; readonly error: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The event with its data carried from `fromVersion` to `toVersion` through each upcaster in turn
 * (v1→v2→v3); `steps` lists the versions produced. The upcasters work on a copy, so the stored event
 * stays as it was. Refuses going down, a missing step, and an upcaster that throws, naming the step.
 */
export function upcast<E extends { readonly type: string; readonly data: unknown }>(
  event: E,
  fromVersion: number,
  toVersion: number,
  upcasters: Upcasters,
): UpcastResult<E> {
  const name = event.type;
  if (!Number.isInteger(fromVersion) || !Number.isInteger(toVersion) || fromVersion < 1 || toVersion < 1) {
    return { ok: false, error: `schema versions are whole numbers ≥ 1, not ${fromVersion} and ${toVersion}` };
  }
  if (toVersion < fromVersion)
    return { ok: false, error: `${name} cannot go down from v${fromVersion} to v${toVersion}: upcasters only go up` };
  const chain = Object.hasOwn(upcasters, name) ? upcasters[name] : undefined;
  let data = fromVersion === toVersion ? event.data : structuredClone(event.data);
  const steps: number[] = [];
  for (let version = fromVersion + 1; version <= toVersion; version++) {
    const step = chain !== undefined && Object.hasOwn(chain, version) ? chain[version] : undefined;
    if (typeof step !== 'function')
      return { ok: false, error: `${name} has no upcaster from v${version - 1} to v${version}` };
    try {
      data = step(data);
    } catch (error) {
      return { ok: false, error: `the ${name} upcaster from v${version - 1} to v${version} threw: ${message(error)}` };
    }
    steps.push(version);
  }
  return { ok: true, event: { ...event, data, schemaVersion: toVersion }, steps };
}
