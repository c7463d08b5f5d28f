import { useAppStore } from '../../state';

/** "Step 12 of 40 · t = 1.250 s" */
export function RunStatus() {
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const head = useAppStore((s) => s.frame?.head ?? 0);
  const time = useAppStore((s) => s.frame?.time ?? 0);
  const text = `Step ${cursor} of ${head} · t = ${(time / 1000).toFixed(3)} s`;
  return (
    <span className="toolbar-status" title={text}>
      {text}
    </span>
  );
}
