import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { seek, useAppStore, type TimelineMarkers } from '../../state';
import { markerItems, type MarkerItem } from './markerItems';

/** The layer is laid out again once the head has grown this much since (until then it is only scaled). */
const MAX_STRETCH = 1.1;

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

// Primitive props, so a marker whose kind, place and name did not change is not rendered again.
interface MarkerButtonProps {
  readonly kind: string;
  readonly position: number;
  /** Left edge in % of the scaled layer. */
  readonly left: number;
  readonly name: string;
  readonly index: number;
  readonly tabbable: boolean;
  readonly onFocus: (index: number) => void;
}

const MarkerButton = memo(function MarkerButton({
  kind,
  position,
  left,
  name,
  index,
  tabbable,
  onFocus,
}: MarkerButtonProps) {
  return (
    <button
      type="button"
      className={`timeline-marker marker-${kind}`}
      style={{ left: `${left}%` }}
      aria-label={name}
      title={name}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onFocus(index)}
      onClick={() => void seek(position)}
    />
  );
});

/** Changes when the markers a person sees change; a new total alone (steps past the cap) does not. */
function shownKey(markers: TimelineMarkers | null): string {
  if (!markers) return '';
  const kinds = Object.entries(markers.kinds).map(
    ([kind, list]) => `${kind}:${list?.steps.length}:${list?.steps.at(-1)}`,
  );
  return [markers.branchId, ...kinds, ...markers.bookmarks.map((b) => `${b.step}=${b.label}`)].join('|');
}

/** Errors, rebalances and bookmarks under the slider; one tab stop, arrow keys move between them, a click goes there. */
export function MarkerRail({ head }: { head: number }) {
  const markers = useAppStore((s) =>
    s.markers !== null && s.markers.branchId === s.frame?.branchId ? s.markers : null,
  );
  const key = shownKey(markers);
  // Markers are laid out against the head of one moment; as the head grows, the layer they sit in is
  // scaled (a compositor transform), because moving hundreds of markers every frame costs the UI its
  // frame rate. They are laid out again when the markers change or the scale strays too far.
  const [layout, setLayout] = useState<{ key: string; reference: number; items: MarkerItem[] }>({
    key: '',
    reference: 1,
    items: [],
  });
  const height = Math.max(1, head);
  if (layout.key !== key || height > layout.reference * MAX_STRETCH || height < layout.reference) {
    setLayout({ key, reference: height, items: markers ? markerItems(markers) : [] });
  }
  const { items, reference } = layout;
  const [active, setActive] = useState(0);
  const rail = useRef<HTMLDivElement>(null);
  const current = Math.min(active, items.length - 1);

  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move || items.length === 0) return;
    event.preventDefault();
    const next = move(current, items.length);
    setActive(next);
    rail.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <div
      ref={rail}
      className="timeline-rail"
      role={items.length > 0 ? 'toolbar' : undefined}
      aria-label={items.length > 0 ? 'Timeline markers' : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="timeline-rail-track">
        <div className="timeline-rail-layer" style={{ transform: `scaleX(${reference / height})` }}>
          {items.map((item, i) => (
            <MarkerButton
              key={item.key}
              kind={item.kind}
              position={item.position}
              left={(item.position / reference) * 100}
              name={item.name}
              index={i}
              tabbable={i === current}
              onFocus={setActive}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
