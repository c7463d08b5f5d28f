import { useAppStore } from '../../state';

/** Says for as long as it holds that this tab saves nothing (another tab saves, or the browser has no storage). */
export function NotSavingStatus() {
  const storage = useAppStore((s) => s.tabStorage);
  if (!storage || storage.writer) return null;
  return (
    <span className="toolbar-not-saving" role="status" title={storage.reason}>
      Not saving<span className="visually-hidden">: {storage.reason}</span>
    </span>
  );
}
