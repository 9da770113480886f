import { describe, expect, it } from 'vitest';
import { arc, pointAlong, routeLength, straight, type Route } from '../../../../src/core/demo/route';
import { changeSpeed, hold, stopAndGo, travelAt } from '../../../../src/core/demo/speed-profile';

/** 10 m east, a right-hand quarter circle of radius 8, then 5 m south. */
const route: Route = { x: 2, y: -3, heading: 0, pieces: [straight(10), arc(8, -Math.PI / 2), straight(5)] };

describe('demo routes', () => {
  it('follows straights and arcs: on the circle in the bend, tangent headings, no jump at the joints', () => {
    expect(routeLength(route)).toBeCloseTo(15 + 4 * Math.PI, 12);
    expect(pointAlong(route, 10)).toMatchObject({ x: 12, y: -3, heading: 0 });
    // The bend's centre is 8 m to the right of where it starts.
    const centre = [12, -11];
    for (let s = 10.25; s < 10 + 4 * Math.PI; s += 0.5) {
      const p = pointAlong(route, s);
      expect(Math.hypot(p.x - centre[0]!, p.y - centre[1]!)).toBeCloseTo(8, 9);
      expect(p.heading).toBeCloseTo(-(s - 10) / 8, 9);
      expect(p.curvature).toBeCloseTo(-1 / 8, 12);
    }
    const end = pointAlong(route, 10 + 4 * Math.PI);
    expect([end.x, end.y, end.heading]).toEqual([20, -11, -Math.PI / 2].map((v) => expect.closeTo(v, 9)));
    // Each step of 1 cm is 1 cm long and goes the way the heading points, across the joints too.
    for (let s = -3; s < 30; s += 0.37) {
      const [a, b] = [pointAlong(route, s), pointAlong(route, s + 0.01)];
      expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeCloseTo(0.01, 6);
      expect(Math.atan2(b.y - a.y, b.x - a.x)).toBeCloseTo(a.heading + (b.heading - a.heading) / 2, 6);
    }
    // Behind the start and past the end it goes on straight.
    expect(pointAlong(route, -4)).toMatchObject({ x: -2, y: -3, heading: 0 });
    const past = pointAlong(route, routeLength(route) + 7);
    expect([past.x, past.y]).toEqual([20, -23].map((v) => expect.closeTo(v, 9)));
  });
});

describe('demo speed profiles', () => {
  it('integrates phases of constant acceleration, and never goes backwards', () => {
    const profile = { v0: 4, phases: [hold(1), changeSpeed(4, 10, 2), { duration: 10, accel: -5 }] };
    expect(travelAt(profile, 1)).toEqual({ s: 4, v: 4 });
    // 3 s at 2 m/s² from 4 m/s: 21 m more, 10 m/s.
    expect(travelAt(profile, 4).s).toBeCloseTo(25, 12);
    expect(travelAt(profile, 4).v).toBeCloseTo(10, 12);
    // Braking at 5 m/s² stops after 2 s and 10 m, and stays stopped to the end of the phase and after.
    expect(travelAt(profile, 6)).toEqual({ s: 35, v: 0 });
    expect(travelAt(profile, 20)).toEqual({ s: 35, v: 0 });
    expect(travelAt(profile, -1)).toEqual({ s: -4, v: 4 });
    let last = -Infinity;
    for (let t = 0; t < 20; t += 0.05) {
      const { s, v } = travelAt(profile, t);
      expect(s).toBeGreaterThanOrEqual(last);
      // The speed is the slope of the distance.
      expect((travelAt(profile, t + 1e-6).s - s) / 1e-6).toBeCloseTo(v, 3);
      last = s;
    }
  });

  it('stops exactly where asked, waits, then pulls away; refuses a stop it cannot make', () => {
    const profile = { v0: 9, phases: stopAndGo(9, 30, 2.5, 6, 2, 8) };
    const stoppedAt = (30 - 81 / 5) / 9 + 9 / 2.5;
    expect(travelAt(profile, stoppedAt)).toEqual({ s: expect.closeTo(30, 9), v: expect.closeTo(0, 9) });
    expect(travelAt(profile, 5.99).s).toBeCloseTo(30, 9);
    expect(travelAt(profile, 7).s).toBeCloseTo(31, 9);
    expect(travelAt(profile, 20).v).toBeCloseTo(8, 12);
    expect(() => stopAndGo(9, 10, 2.5, 6, 2, 8)).toThrow(/cannot stop 10 m on from 9 m\/s/);
    expect(() => stopAndGo(9, 30, 2.5, 2, 2, 8)).toThrow(/go at 2 s/);
  });
});
