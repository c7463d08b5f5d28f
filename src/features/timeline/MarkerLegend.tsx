import { MARKERS_PER_KIND, useAppStore } from '../../state';
import { countText } from './markerItems';

/** "● 3 errors ● 1 rebalance": what the rail's colours mean, with counts past the marked ones. */
export function MarkerLegend() {
  const markers = useAppStore((s) =>
    s.markers !== null && s.markers.branchId === s.frame?.branchId ? s.markers : null,
  );
  if (!markers) return null;
  const kinds = Object.entries(markers.kinds).filter(([, list]) => list !== undefined && list.total > 0);
  if (kinds.length === 0) return null;
  return (
    <ul className="marker-legend" aria-label="Marker counts">
      {kinds.map(([kind, list]) => {
        const capped = list !== undefined && list.total > list.steps.length;
        return (
          <li key={kind} title={capped ? `The first ${MARKERS_PER_KIND} are marked on the timeline` : undefined}>
            <span className={`legend-swatch marker-${kind}`} aria-hidden="true" />
            {countText(kind, list?.total ?? 0)}
            {capped && ` (first ${MARKERS_PER_KIND} marked)`}
          </li>
        );
      })}
    </ul>
  );
}
