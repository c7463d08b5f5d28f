import { useMemo } from 'react';
import { useAppStore } from '../../state';
import { handlerDeclarations } from './handlerDeclarations';
import { useExtraLib } from './useExtraLib';

const FALLBACK = 'type TidemarkEvent = EventOf<string, any>;\n';

/** Gives the editor of one node the types generated from the flow's schemas and wiring, updated when they change. */
export function useHandlerTypes(nodeId: string, source: string): void {
  // Each part is its own selection: moving a node on the canvas changes none of them.
  const schemas = useAppStore((s) => s.flow?.schemas);
  const nodes = useAppStore((s) => s.flow?.nodes);
  const edges = useAppStore((s) => s.flow?.edges);
  const code = useAppStore((s) => s.flow?.code);
  const text = useMemo(() => {
    const flow = useAppStore.getState().flow;
    if (!flow || !schemas || !nodes || !edges || !code) return FALLBACK;
    try {
      return handlerDeclarations({ ...flow, schemas, nodes, edges, code }, nodeId, source);
    } catch (error) {
      // A schema the generator cannot read must not take the editor down: data is untyped then.
      console.error('handler types could not be generated', error);
      return FALLBACK;
    }
  }, [schemas, nodes, edges, code, nodeId, source]);
  useExtraLib('node-types.d.ts', text);
}
