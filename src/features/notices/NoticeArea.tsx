import { useAppStore } from '../../state';
import './notices.css';

/** Errors and warnings a person must see, each dismissible; errors are announced as alerts. */
export function NoticeArea() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`}>
          {/* The button sits outside the alert so the alert's text is the message alone. */}
          <span className="notice-message" role={notice.level === 'info' ? 'status' : 'alert'}>
            {notice.message}
            {notice.count > 1 && <span className="notice-count"> ×{notice.count}</span>}
          </span>
          <button type="button" aria-label={`Dismiss: ${notice.message}`} onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
