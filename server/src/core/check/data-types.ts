// The model's data types as one array, shared by the rules of an analysis: a loop over an array allocates
// nothing, where each rule's own walk of the map's iterator allocated a result object per data type (the rules'
// loops run too few times to be optimised that far). The model is never changed once built; a map whose size
// changed since (a test's hand-made model) is listed again.
import type { DataModel, PolicyModel } from '../model/model';

const lists = new WeakMap<Map<string, DataModel>, DataModel[]>();

export function dataTypes(model: PolicyModel): DataModel[] {
  let list = lists.get(model.data);
  if (!list || list.length !== model.data.size) lists.set(model.data, (list = [...model.data.values()]));
  return list;
}
