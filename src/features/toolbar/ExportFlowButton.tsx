import { useAppStore } from '../../state';
import { downloadFlow } from './downloadFlow';

/** Downloads the current flow document as `<name>.tidemark.json`. */
export function ExportFlowButton() {
  const flow = useAppStore((s) => s.flow);
  return (
    <button type="button" disabled={!flow} onClick={() => flow && downloadFlow(flow)}>
      Export flow
    </button>
  );
}
