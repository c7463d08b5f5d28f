import { PaletteItem } from './PaletteItem';
import { PALETTE_ITEMS } from './paletteItems';
import './palette.css';

/** Node kinds a person can drag onto the canvas (or click to add). */
export function Palette() {
  return (
    <aside className="palette" aria-label="Palette">
      <h2 className="panel-title">Add a node</h2>
      <ul className="palette-list">
        {PALETTE_ITEMS.map((item) => (
          <li key={item.kind}>
            <PaletteItem item={item} />
          </li>
        ))}
      </ul>
      <p className="palette-hint">Drag onto the canvas, or click to add near the centre. Wire nodes by dragging from a node's right handle.</p>
    </aside>
  );
}
