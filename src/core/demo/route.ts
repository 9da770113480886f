/**
 * Where a vehicle drives, as a path on the ground: a start point and heading, then straight pieces and circular
 * arcs one after another (ROAD frame, metres, radians counter-clockwise from +x). Before the start and past the
 * last piece the path goes on straight, so a pose exists for every distance.
 */
export interface Route {
  x: number;
  y: number;
  heading: number;
  pieces: RoutePiece[];
}

/** `turn` is the heading change over the piece (radians, + to the left): 0 for a straight piece. */
export interface RoutePiece {
  length: number;
  turn: number;
}

export interface RoutePoint {
  x: number;
  y: number;
  heading: number;
  /** 1/radius, + to the left, 1/m. */
  curvature: number;
}

/** The point `s` metres along the route (negative: behind its start). */
export function pointAlong(route: Route, s: number): RoutePoint {
  let at: RoutePoint = { x: route.x, y: route.y, heading: route.heading, curvature: 0 };
  if (s <= 0) return advance(at, 0, s);
  let left = s;
  for (const piece of route.pieces) {
    const k = piece.turn / piece.length;
    if (left <= piece.length) return advance(at, k, left);
    at = advance(at, k, piece.length);
    left -= piece.length;
  }
  return advance(at, 0, left);
}

/** `u` metres on from (x, y, heading) along a piece of curvature `k`. */
function advance({ x, y, heading }: RoutePoint, k: number, u: number): RoutePoint {
  if (k === 0) return { x: x + u * Math.cos(heading), y: y + u * Math.sin(heading), heading, curvature: 0 };
  const end = heading + k * u;
  return {
    x: x + (Math.sin(end) - Math.sin(heading)) / k,
    y: y + (Math.cos(heading) - Math.cos(end)) / k,
    heading: end,
    curvature: k,
  };
}

/** The route's total length along its pieces, metres. */
export function routeLength(route: Route): number {
  return route.pieces.reduce((sum, p) => sum + p.length, 0);
}

/** A straight piece, metres. */
export function straight(length: number): RoutePiece {
  return { length, turn: 0 };
}

/** A circular arc of `radius` metres turning by `turn` radians (+ to the left). */
export function arc(radius: number, turn: number): RoutePiece {
  return { length: radius * Math.abs(turn), turn };
}
