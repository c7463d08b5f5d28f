import type { ComponentType, CSSProperties, LazyExoticComponent } from 'react';
import type { Counters } from '../../engine';
import type { NodeOfKind, NodeKind } from '../../flow';

export interface CounterSpec {
  readonly key: keyof Counters;
  readonly label: string;
  /** Shown in red once above zero. */
  readonly alarm?: true;
}

/** A view of one node of a kind. */
export type NodeView<K extends NodeKind> = ComponentType<{ node: NodeOfKind<K> }>;

/** How a kind of node looks: its colour, its card, its inspector panel, its palette entry. */
export interface KindUi<K extends NodeKind> {
  /** The palette's one line about the kind (its title is the node shape's). */
  readonly description: string;
  /** Cards, palette entries and inspector headings take it as --kind-color; other styles as --kind-<kind>. */
  readonly color: string;
  /** Text on the colour, when white is not readable on it. */
  readonly textColor?: string;
  /** The counters that mean something for the kind, under the names its broker uses. */
  readonly counters: readonly CounterSpec[];
  /** The settings that matter most, one line in the card's header. */
  detail(node: NodeOfKind<K>): string;
  /** Live views between the card's name and its counters. */
  readonly CardHeader?: NodeView<K>;
  /** Live views under the card's counters. */
  readonly CardBody?: NodeView<K>;
  /** The kind's inspector panel, loaded when a node of the kind is first selected. */
  readonly Inspector: LazyExoticComponent<NodeView<K>>;
}

export type KindUiTable = { readonly [K in NodeKind]: KindUi<K> };

/** A kind's colour as the custom properties its card, palette entry and inspector heading read. */
export function kindStyle(ui: KindUi<NodeKind>): CSSProperties {
  return {
    '--kind-color': ui.color,
    ...(ui.textColor === undefined ? {} : { '--kind-text': ui.textColor }),
  } as CSSProperties;
}
