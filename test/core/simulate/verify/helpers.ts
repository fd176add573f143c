// Shorthand for hand-written histories: w(process, value, invoke, complete, type?), r(…), add(…), with ids given in
// invoke order by h(…), one key unless an operation says otherwise.
import type { HistOp } from '../../../../server/src/core/simulate/verify/index';

type Type = HistOp['type'];
type Spec = Omit<HistOp, 'id'>;

const mk =
  (f: HistOp['f']) =>
  (
    process: number,
    value: number | null,
    invoke: number,
    complete: number,
    type: Type = 'ok',
    key = 'x',
    region?: number,
  ): Spec => ({
    process,
    key,
    f,
    value,
    invoke,
    complete,
    type,
    ...(region === undefined ? {} : { region }),
  });

export const w = mk('write');
export const r = mk('read');
export const add = mk('add');

/** Operations with ids in invoke order (ties by position). */
export function h(...specs: Spec[]): HistOp[] {
  const order = specs.map((s, i) => [s, i] as const).sort((a, b) => a[0].invoke - b[0].invoke || a[1] - b[1]);
  const ids = new Map(order.map(([s], id) => [s, id]));
  return specs.map((s) => ({ id: ids.get(s)!, ...s }));
}
