import { removeNode, useAppStore } from '../../state';

/** Removes the node with its connections, code and position. */
export function DeleteNodeButton({ nodeId }: { nodeId: string }) {
  return (
    <div className="inspector-section">
      <button
        type="button"
        className="danger"
        onClick={() => useAppStore.getState().editFlow((f) => removeNode(f, nodeId))}
      >
        Delete node
      </button>
    </div>
  );
}
