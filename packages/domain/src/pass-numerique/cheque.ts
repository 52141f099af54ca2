import { valueList, type ValueOf } from "../shared/value-list.js";

/** Pass numérique: 10 € cheques for training by labelled bodies (Lot-et-Garonne deployed 23,000). */
export const PASS_CHEQUE_VALUE_CENTS = 1000;

export const passChequeStatuses = valueList([
  { value: "in_stock", label: "En stock" },
  { value: "prescribed", label: "Prescrit" },
  { value: "used", label: "Utilisé" },
  { value: "expired", label: "Expiré" },
]);
export type PassChequeStatus = ValueOf<typeof passChequeStatuses>;
