import { useAppStore } from '../../state';

/** The name of the open flow. */
export function FlowName() {
  const name = useAppStore((s) => s.flow?.name ?? 'No flow');
  return (
    <span className="toolbar-flow-name" title="Flow name">
      {name}
    </span>
  );
}
