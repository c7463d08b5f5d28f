type Point = { x: number; y: number };

// A node card's footprint with some air around it.
const CARD = { width: 230, height: 130 };

function overlaps(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < CARD.width && Math.abs(a.y - b.y) < CARD.height;
}

/** The wanted position, or the nearest one on a ring around it that no node occupies. */
export function freeSpot(wanted: Point, taken: readonly Point[]): Point {
  const free = (p: Point) => !taken.some((t) => overlaps(p, t));
  if (free(wanted)) return wanted;
  for (let ring = 1; ring <= 8; ring++) {
    for (let i = 0; i < 8 * ring; i++) {
      const angle = (2 * Math.PI * i) / (8 * ring);
      const p = { x: wanted.x + Math.cos(angle) * ring * 120, y: wanted.y + Math.sin(angle) * ring * 90 };
      if (free(p)) return p;
    }
  }
  return wanted;
}
