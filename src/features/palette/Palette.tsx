import { NODE_KINDS } from '../../flow';
import { NODE_SHAPES } from '../../kinds/nodeKinds';
import { useKindUiTable } from '../kindUi/KindUiContext';
import { PaletteItem } from './PaletteItem';
import './palette.css';

/** Node kinds a person can drag onto the canvas (or click to add), in registry order. */
export function Palette() {
  const ui = useKindUiTable();
  return (
    <aside className="palette" aria-label="Palette">
      <h2 className="panel-title">Add a node</h2>
      <ul className="palette-list">
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <PaletteItem item={{ kind, title: NODE_SHAPES[kind].title, description: ui[kind].description }} />
          </li>
        ))}
      </ul>
      <p className="palette-hint">
        Drag onto the canvas, or click to add near the centre. Wire nodes by dragging from a node's right handle.
      </p>
    </aside>
  );
}
